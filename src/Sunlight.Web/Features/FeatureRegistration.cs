using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Categories;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Platform.Auth;
using Sunlight.Web.Features.Platform.Calendar;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Jobs;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Features.Registry.Officers;
using Sunlight.Web.Features.Registry.Units;

namespace Sunlight.Web.Features;

/// <summary>Every feature registers its services and endpoints here, one line each.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<PasswordCheck>();
        services.AddScoped<SaveEnterprise>();
        services.AddScoped<SaveOfficer>();
        services.AddScoped<Notifier>();
        services.AddScoped<EscalationLedger>();
        services.AddScoped<IScheduledJob, MailOutboxJob>();
        services.AddComplaints();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    public static RouteGroupBuilder MapFeatureEndpoints(this RouteGroupBuilder api)
    {
        api.MapAuth();
        api.MapCalendar();
        api.MapUnits();
        api.MapOfficers();
        api.MapEnterprises();
        api.MapInbox();
        api.MapComplaints();
        api.MapPublicComplaints();
        api.MapComplaintCategories();
        return api;
    }
}
