using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Complaints.Figures;
using Sunlight.Web.Features.Enforcement.Figures;
using Sunlight.Web.Features.Inspections.Figures;
using Sunlight.Web.Features.Leniency.Figures;
using Sunlight.Web.Features.Problems.Figures;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Insights.Summary;

/// <summary>The summary's filters: a period (days, both included), a campaign (else the latest started one) and a unit.</summary>
internal sealed record SummaryQuery(DateOnly? From = null, DateOnly? To = null, long? Campaign = null, long? Unit = null)
{
    public FigureFilter Filter => new(From, To, Unit);

    /// <summary>The filters as the dashboard's query string.</summary>
    public string PageQuery => string.Join("&", new[]
    {
        From is { } f ? "from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        To is { } t ? "to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Campaign is { } c ? "campaign=" + c.ToString(CultureInfo.InvariantCulture) : null,
        Unit is { } u ? "unit=" + u.ToString(CultureInfo.InvariantCulture) : null,
    }.OfType<string>());
}

internal sealed record SummaryResult(IReadOnlyList<Figure> Figures, long? CampaignId, string? CampaignName);

/// <summary>
/// The county's figures, composed from each capability's own figures (complaints, problems, inspections, legality
/// warnings, flexible enforcement, and the campaign's supervision and case-file review), never counted again here:
/// every figure keeps its capability's <c>recordsUrl</c>. The period and unit apply to every capability (each to its own
/// date); the campaign selects the campaign figures, which follow the campaign's own period.
/// </summary>
internal sealed class InsightsSummary(
    ComplaintFigures complaints, ProblemFigures problems, InspectionFigures inspections, EnforcementFigures enforcement,
    LeniencyFigures leniency, CampaignFigures campaigns, CampaignScope scope, SunlightDbContext db)
{
    /// <summary>The campaign figures the summary shows (the campaign's problems are in the ledger's figures).</summary>
    public static readonly string[] CampaignKeys = ["units-participating", "units-self-inspected", "units-supervised", "enterprises-visited", "case-files-reviewed", "case-file-defects"];

    public IReadOnlyList<IFigureSource> Sources => [complaints, problems, inspections, enforcement];

    /// <summary>
    /// Every figure counted in one statement (each source's queries as its scalar subqueries); missing when the campaign
    /// asked for is not visible to the caller.
    /// </summary>
    public async Task<Outcome<SummaryResult>> BuildAsync(SummaryQuery q, CancellationToken ct)
    {
        var campaign = await scope.Campaigns().AsNoTracking()
            .Where(c => q.Campaign == null ? c.State != CampaignState.Draft : c.Id == q.Campaign)
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (campaign is null && q.Campaign is not null)
        {
            return Outcome<SummaryResult>.Missing();
        }
        var figures = new List<UncountedFigure>();
        foreach (var source in Sources)
        {
            figures.AddRange(await source.UncountedAsync(q.Filter, ct));
        }
        figures.AddRange(leniency.Uncounted(new FigureQuery(q.Unit, q.From, q.To)));
        if (campaign is not null)
        {
            figures.AddRange(campaigns.Uncounted(campaign.Id, q.Unit).Where(f => CampaignKeys.Contains(f.Key)));
        }
        return new SummaryResult(await db.CountAsync(figures, ct), campaign?.Id, campaign?.Name);
    }
}

internal static class SummaryEndpoint
{
    public static void MapSummary(this RouteGroupBuilder insights) =>
        insights.MapGet("/summary", (DateOnly? from, DateOnly? to, long? campaign, long? unit, InsightsSummary summary, CancellationToken ct) =>
                summary.BuildAsync(new SummaryQuery(from, to, campaign, unit), ct).ToHttpAsync(s => TypedResults.Ok(new FiguresDto(s.Figures)), "专项治理"))
            .WithSummary("全县数据汇总（按期间、专项治理、单位；每项附 recordsUrl，返回的正是计入该数的记录）");
}
