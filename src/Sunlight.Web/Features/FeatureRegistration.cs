using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Complaints.Categories;
using Sunlight.Web.Features.Complaints.Open311;
using Sunlight.Web.Features.Complaints.Open311.Integrations;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Platform;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Platform.Auth;
using Sunlight.Web.Features.Platform.Calendar;
using Sunlight.Web.Features.Platform.Users;
using Sunlight.Web.Features.Registry.EnforcementItems;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Escalations.Record;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Infrastructure.Files;
using Sunlight.Web.Infrastructure.Jobs;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Features.Registry.InspectionItems;
using Sunlight.Web.Features.Registry.Officers;
using Sunlight.Web.Features.Registry.Units;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Insights;
using Sunlight.Web.Features.Reports;

namespace Sunlight.Web.Features;

/// <summary>Every feature registers its services and endpoints here, one line each.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddRegistryPolicies();
        services.AddPlatformPolicies();
        services.AddOpen311();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<SaveEnterprise>();
        services.AddScoped<EditEnterprise>();
        services.AddScoped<SaveOfficer>();
        services.AddScoped<CreateUser>();
        services.AddScoped<EditUser>();
        services.AddScoped<LockUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<CalendarYears>();
        services.AddScoped<SetCalendarDay>();
        services.AddScoped<RemoveCalendarDay>();
        services.AddScoped<ImportCalendar>();
        services.AddScoped<SaveUnit>();
        services.AddScoped<SaveEnforcementItem>();
        services.AddScoped<SaveInspectionItem>();
        services.AddScoped<ImportEnterprises>();
        services.AddScoped<ImportOfficers>();
        services.AddSingleton<PendingImports>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(ChineseModelBinding.Apply);
        services.AddScoped<Notifier>();
        services.AddScoped<EscalationLedger>();
        services.AddScoped<RecordEscalation>();
        services.AddScoped<MarkRead>();
        services.AddScoped<IScheduledJob, MailOutboxJob>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditReader>();
        services.AddScoped<Infrastructure.Audit.RecordNames>();
        services.AddScoped<IScheduledJob, AuditVerifyJob>();
        services.AddComplaints();
        services.AddSingleton<AttachmentStore>();
        services.AddProblems();
        services.AddEnforcement();
        services.AddCampaigns();
        services.AddLeniency();
        services.AddInspections();
        services.AddInsights();
        services.AddReports();
        services.AddScoped<WorkHome.WorkHomeQuery>();
        services.AddScoped<WorkHome.SupervisionFigures>();
        services.AddScoped<WorkHome.IWorkItemSource, Platform.WorkItems.PlatformWorkItems>();
        services.AddOptions<Portal.PortalOptions>().BindConfiguration("Sunlight:Portal");
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    public static RouteGroupBuilder MapFeatureEndpoints(this RouteGroupBuilder api)
    {
        api.MapAuth();
        api.MapCalendar();
        api.MapCalendarDays();
        api.MapAudit();
        api.MapUnits();
        api.MapOfficers();
        api.MapEnterprises();
        api.MapEnterpriseFiles();
        api.MapOfficerFiles();
        api.MapEnforcementItems();
        api.MapInspectionItems();
        Registry.Export.RegistryExports.MapRegistryExports(api);
        api.MapInbox();
        api.MapComplaints();
        api.MapPublicComplaints();
        api.MapComplaintCategories();
        api.MapEscalations();
        api.MapProblems();
        api.MapCases();
        api.MapCampaigns();
        api.MapLeniency();
        api.MapInspections();
        api.MapInsights();
        api.MapReports();
        return api;
    }

    /// <summary>Endpoints outside /api/v1 (standard protocols with their own paths).</summary>
    public static IEndpointRouteBuilder MapFeatureRootEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpen311();
        return app;
    }
}
