using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Sunlight.Web.Features.Complaints.Accept;
using Sunlight.Web.Features.Complaints.ApproveReply;
using Sunlight.Web.Features.Complaints.Assign;
using Sunlight.Web.Features.Complaints.Close;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Deadlines;
using Sunlight.Web.Features.Complaints.Extend;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.IntakePoints;
using Sunlight.Web.Features.Complaints.Merge;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Rate;
using Sunlight.Web.Features.Complaints.Reject;
using Sunlight.Web.Features.Complaints.Reply;
using Sunlight.Web.Features.Complaints.Return;
using Sunlight.Web.Features.Complaints.StaffEntry;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Identity;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Complaints;

internal static class ComplaintPolicies
{
    /// <summary>Read complaints (each role its scope, see <see cref="ComplaintAccess"/>).</summary>
    public const string Read = "Complaints.Read";
    /// <summary>受理、交办、审核、办结: the Supervisor's steps.</summary>
    public const string Supervise = "Complaints.Supervise";
    /// <summary>办理、退回、答复、延期: the assigned unit's steps.</summary>
    public const string Handle = "Complaints.Handle";
    public const string EditDictionary = "Complaints.EditDictionary";
    /// <summary>
    /// Download a complaint's attachments: those who work the complaint (Supervisor; the assigned unit, by scope).
    /// Photos and scans may show who complained; Inspectors, Observers and Admins read the record without them (ADR 0006).
    /// </summary>
    public const string ReadAttachments = "Complaints.ReadAttachments";
    /// <summary>An enterprise account following the complaints that name it (their state only; the enterprise query filter keeps them its own).</summary>
    public const string FollowOwn = "Complaints.FollowOwn";
}

internal static class ComplaintsModule
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddOptions<ComplaintOptions>().BindConfiguration("Sunlight:Complaints");
        services.AddSingleton<ReporterVault>();
        services.AddSingleton<IntakeWriter>();
        services.AddSingleton<Categories.ActiveCategories>();
        services.AddScoped<ComplaintAccess>();
        services.AddScoped<ComplaintStep>();
        services.AddScoped<ComplaintQueries>();
        services.AddScoped<Export.ExportComplaints>();
        services.AddScoped<WorkHome.IWorkItemSource, WorkItems.ComplaintWorkItems>();
        services.AddScoped<History.ComplaintHistory>();
        services.AddScoped<ReporterIdentityReader>();
        services.AddScoped<SubmitComplaint>();
        services.AddScoped<EnterComplaint>();
        services.AddScoped<AcceptComplaint>();
        services.AddScoped<RejectComplaint>();
        services.AddScoped<MergeComplaint>();
        services.AddScoped<AssignComplaint>();
        services.AddScoped<ReturnComplaint>();
        services.AddScoped<Pause.PauseComplaint>();
        services.AddScoped<Resume.ResumeComplaint>();
        services.AddScoped<DraftReply>();
        services.AddScoped<ReviewReply>();
        services.AddScoped<CloseComplaint>();
        services.AddScoped<ComplaintProblemLink>();
        services.AddScoped<RequestExtension>();
        services.AddScoped<DecideExtension>();
        services.AddScoped<RateReply>();
        services.AddScoped<Public.PinGuard>();
        services.AddScoped<PinLock.UnlockPin>();
        services.AddScoped<IntakePointService>();
        services.AddScoped<IntakePoints.SaveIntakePoint>();
        services.AddScoped<Categories.SaveComplaintCategory>();
        services.AddScoped<IScheduledJob, ComplaintDeadlineJob>();
        services.AddScoped<Infrastructure.Calendar.ICalendarFollower, ComplaintCalendarFollower>();
        services.AddScoped<IDemoSeedStep, ComplaintDemoSeed>();

        services.AddAuthorizationBuilder()
            .AddPolicy(ComplaintPolicies.Read, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Observer, Roles.Inspector, Roles.UnitStaff))
            .AddPolicy(ComplaintPolicies.Supervise, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(ComplaintPolicies.Handle, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(ComplaintPolicies.EditDictionary, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(ComplaintPolicies.ReadAttachments, p => p.RequireRole(Roles.Supervisor, Roles.UnitStaff))
            .AddPolicy(ComplaintPolicies.FollowOwn, p => p.RequireRole(Roles.Enterprise));

        // Per client address: the public form is reached by QR code from anywhere, so this is the abuse brake.
        services.Configure<RateLimiterOptions>(o =>
        {
            // Viewing a form is free: only what submits (or, for the lookup, what checks a PIN) is counted.
            o.AddPolicy(PublicRateLimits.IntakePolicy, http => PublicRateLimits.OnlyWrites(http) ?? RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Setting(http, "Sunlight:RateLimits:PublicIntakePerMinute", 10), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(PublicRateLimits.LookupPolicy, http => (http.Request.Path.StartsWithSegments("/api") ? null : PublicRateLimits.OnlyWrites(http)) ?? RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Setting(http, "Sunlight:RateLimits:PublicLookupPerMinute", 60), Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    private static int Setting(HttpContext http, string key, int fallback) =>
        http.RequestServices.GetRequiredService<IConfiguration>().GetValue(key, fallback);
}
