using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Create;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>Who does what in a campaign; data scope (an Inspector's too) comes from the query filters.</summary>
internal static class CampaignPolicies
{
    /// <summary>Read campaigns: the bureau, inspectors (their own campaigns), observers, units (their own self-inspection).</summary>
    public const string Read = "Campaigns.Read";
    /// <summary>Plan, start, close, return self-inspections, build the team, plan the case-file draw.</summary>
    public const string Manage = "Campaigns.Manage";
    /// <summary>A unit's self-inspection.</summary>
    public const string SelfInspect = "Campaigns.SelfInspect";
    /// <summary>督查 and 案卷评查: the bureau and the team's inspectors.</summary>
    public const string Inspect = "Campaigns.Inspect";
}

internal static class CampaignsModule
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignScope>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<StartCampaign>();
        services.AddScoped<CloseCampaign>();
        services.AddScoped<AnswerSelfInspection>();
        services.AddScoped<SubmitSelfInspection>();
        services.AddScoped<ReturnSelfInspection>();
        services.AddScoped<RaiseCampaignProblem>();
        services.AddScoped<AddTeamMember>();
        services.AddScoped<AssignInspection>();
        services.AddScoped<RecordVisit>();
        services.AddScoped<AssessPoints>();
        services.AddScoped<RecordEnterpriseVisit>();
        services.AddScoped<Rubrics>();
        services.AddScoped<CreateReviewPlan>();
        services.AddScoped<ScoreCaseFile>();
        services.AddScoped<CampaignFigures>();
        services.AddScoped<Checklist.ImportChecklist>();
        services.AddScoped<Checklist.ExportCampaign>();
        services.AddScoped<SupervisionDocuments>();
        services.AddScoped<AddCaseFile>();
        services.AddScoped<EditRubric>();
        services.AddScoped<Infrastructure.Jobs.IScheduledJob, Deadlines.SelfInspectionDeadlineJob>();
        services.AddScoped<WorkHome.IWorkItemSource, Deadlines.CampaignWorkItems>();
        services.AddScoped<IDemoSeedStep, DemoCampaigns>();
        services.AddCampaignFollowUp();

        services.AddAuthorizationBuilder()
            .AddPolicy(CampaignPolicies.Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Inspector, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(CampaignPolicies.Manage, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(CampaignPolicies.SelfInspect, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(CampaignPolicies.Inspect, p => p.RequireRole(Roles.Supervisor, Roles.Inspector));
        return services;
    }
}

/// <summary>
/// Campaign reads. An Inspector's narrowing (the campaigns whose team they are on, the inspections assigned to them,
/// their campaigns' review files) is in the query filters (<c>SunlightDbContext.FilterInspectorCampaigns</c>, ADR 0002).
/// </summary>
internal sealed class CampaignScope(SunlightDbContext db)
{
    public IQueryable<Campaign> Campaigns() => db.Set<Campaign>();

    public IQueryable<SupervisoryInspection> Inspections() => db.Set<SupervisoryInspection>();

    public IQueryable<CaseFileReview> Reviews() => db.Set<CaseFileReview>();

    public Task<Campaign?> CampaignAsync(long id, CancellationToken ct) =>
        Campaigns().Include(c => c.Units).Include(c => c.Items).ThenInclude(i => i.Points).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
}
