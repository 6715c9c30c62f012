using Sunlight.Web.Features.Leniency.AddItem;
using Sunlight.Web.Features.Leniency.AnswerRequest;
using Sunlight.Web.Features.Leniency.Approve;
using Sunlight.Web.Features.Leniency.Deadlines;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Features.Leniency.Figures;
using Sunlight.Web.Features.Leniency.FirstViolation;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Leniency.Import;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Features.Leniency.NewVersion;
using Sunlight.Web.Features.Leniency.Pledge;
using Sunlight.Web.Features.Leniency.RecordExemption;
using Sunlight.Web.Features.Leniency.RecordGuidance;
using Sunlight.Web.Features.Leniency.RequestGuidance;
using Sunlight.Web.Features.Leniency.Settings;
using Sunlight.Web.Features.Leniency.SignedLetter;
using Sunlight.Web.Features.Leniency.ToPenalty;
using Sunlight.Web.Features.Leniency.WorkItems;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Identity;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Leniency;

/// <summary>Who does what in flexible enforcement; data scope (own unit for UnitStaff) comes from the query filters.</summary>
internal static class LeniencyPolicies
{
    /// <summary>Read lists, exemptions, guidance and figures: the bureau, the liaison, and each unit its own.</summary>
    public const string Read = "Leniency.Read";
    /// <summary>The unit's steps: edit and import its lists, record exemptions and guidance, follow up pledges, answer requests.</summary>
    public const string Manage = "Leniency.Manage";
    /// <summary>The bureau's steps: approve (publish) a list version, set the first-violation window.</summary>
    public const string Approve = "Leniency.Approve";
    /// <summary>An enterprise asks for guidance.</summary>
    public const string Request = "Leniency.Request";
    /// <summary>Read guidance requests: the readers above, and an enterprise its own.</summary>
    public const string ReadRequests = "Leniency.ReadRequests";
}

internal static class LeniencyModule
{
    public static IServiceCollection AddLeniency(this IServiceCollection services)
    {
        services.AddScoped<CreateListVersion>();
        services.AddScoped<AddListItem>();
        services.AddScoped<ApproveList>();
        services.AddScoped<ImportList>();
        services.AddScoped<FirstViolationCheck>();
        services.AddScoped<ExemptionQueries>();
        services.AddScoped<RecordExemptionCase>();
        services.AddScoped<UploadSignedLetter>();
        services.AddScoped<RecordPledge>();
        services.AddScoped<TransferToPenalty>();
        services.AddScoped<RecordGuidanceStep>();
        services.AddScoped<SubmitGuidanceRequest>();
        services.AddScoped<SubmitPublicGuidanceRequest>();
        services.AddScoped<GuidanceRequests>();
        services.AddScoped<AnswerGuidanceRequest>();
        services.AddScoped<SaveLeniencySettings>();
        services.AddScoped<LeniencyFigures>();
        services.AddScoped<IScheduledJob, LeniencyDeadlineJob>();
        services.AddScoped<IDemoSeedStep, LeniencyDemoSeed>();
        services.AddScoped<IWorkItemSource, LeniencyWorkItems>();

        services.AddAuthorizationBuilder()
            .AddPolicy(LeniencyPolicies.Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(LeniencyPolicies.Manage, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(LeniencyPolicies.Approve, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(LeniencyPolicies.Request, p => p.RequireRole(Roles.Enterprise))
            .AddPolicy(LeniencyPolicies.ReadRequests, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer, Roles.UnitStaff, Roles.Enterprise));
        return services;
    }

    public static void MapLeniency(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/leniency").WithTags("柔性执法");
        var read = g.MapGroup("").RequireAuthorization(LeniencyPolicies.Read);
        read.MapListReads();
        read.MapNewVersion();
        read.MapAddItem();
        read.MapApprove();
        read.MapImport();
        read.MapFirstViolationCheck();
        read.MapExemptionReads();
        read.MapRecordExemption();
        read.MapSignedLetter();
        read.MapPledge();
        read.MapToPenalty();
        read.MapGuidanceReads();
        read.MapRecordGuidance();
        read.MapAnswerRequest();
        read.MapSettings();
        read.MapFigures();
        Export.ExportLeniency.MapExports(read);
        g.MapRequestGuidance();
        Export.ExportLeniency.MapRequestExport(g);
    }
}
