using Sunlight.Web.Features.Campaigns.ConvertVisit;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Features.Campaigns.Recheck;
using Sunlight.Web.Features.Campaigns.RespondDocument;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>
/// After the inspection: supervision documents and the unit's answers, enterprise visit answers turned into complaints or
/// problems, and 回头看 of written-off problems.
/// </summary>
internal static class FollowUpModule
{
    public static IServiceCollection AddCampaignFollowUp(this IServiceCollection services)
    {
        services.AddScoped<SupervisionDocumentQueries>();
        services.AddScoped<IssueSupervisionDocument>();
        services.AddScoped<RespondToDocument>();
        services.AddScoped<ConvertEnterpriseVisit>();
        services.AddScoped<ScheduleRecheck>();
        services.AddScoped<RecordRecheck>();
        services.AddScoped<Infrastructure.Jobs.IScheduledJob, Deadlines.SupervisionDocumentDeadlineJob>();
        services.AddScoped<WorkHome.IWorkItemSource, Deadlines.FollowUpWorkItems>();
        return services;
    }

    public static void MapFollowUp(this RouteGroupBuilder campaigns)
    {
        campaigns.MapIssueDocument();
        campaigns.MapRespond();
        campaigns.MapSupervisionDocumentReads();
        campaigns.MapConvertVisit();
        campaigns.MapScheduleRecheck();
        campaigns.MapRecordRecheck();
    }
}
