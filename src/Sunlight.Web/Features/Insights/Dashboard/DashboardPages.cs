using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Insights.Summary;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Insights.Dashboard;

internal sealed record Option(long Id, string Name);

/// <summary>The dashboard's filters, bound from the query string (from, to, campaign, unit) by both pages.</summary>
internal abstract class FilteredPage : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public long? Unit { get; set; }

    public SummaryQuery Query => new(From, To, Campaign, Unit);
}

/// <summary>数据分析: the summary's tiles, the units' 效能评价 and ranking, and the monthly trend.</summary>
[Authorize(Policy = InsightsPolicies.View)]
internal sealed class IndexModel(InsightsSummary summary, InsightsDashboard dashboard, CampaignScope scope, SunlightDbContext db) : FilteredPage
{
    [BindProperty(SupportsGet = true)] public Indicator Rank { get; set; } = Indicator.OnTime;

    public SummaryResult? Result { get; private set; }
    public Ranking? Ranking { get; private set; }
    public IReadOnlyList<UnitIndicators> Units { get; private set; } = [];
    public Trend? Trend { get; private set; }
    public IReadOnlyList<Option> Campaigns { get; private set; } = [];
    public IReadOnlyList<Option> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await summary.BuildAsync(Query, ct);
        if (outcome.Value is not { } result)
        {
            return NotFound();
        }
        Result = result;
        Units = await dashboard.UnitsAsync(Query, result.CampaignId, ct);
        Ranking = UnitRanking.Rank(Units, Rank);
        Trend = await dashboard.TrendAsync(Query, ct);
        Campaigns = await scope.Campaigns().AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        UnitOptions = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
        return Page();
    }

    /// <summary>The page list of a figure's records, with the same filters (and the campaign the summary used).</summary>
    public string RecordsLink(string key) =>
        "/Insights/Records?key=" + Uri.EscapeDataString(key) + Filters(Result?.CampaignId);

    public string RankLink(Indicator i) => "/Insights?rank=" + i + Filters(Campaign);

    private string Filters(long? campaign) => (Query with { Campaign = campaign }).PageQuery is { Length: > 0 } q ? "&" + q : "";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Ratio(double? rate) => rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}

/// <summary>The records behind one figure: the same query as the figure, so 共 N 条 is the figure.</summary>
[Authorize(Policy = InsightsPolicies.View)]
internal sealed class RecordsModel(InsightsDashboard dashboard, InsightsSummary summary) : FilteredPage
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public string Label { get; private set; } = "";
    public Page<FigureRow> Records { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Key) || await dashboard.RecordsAsync(Key, Query, After, null, ct) is not { } page)
        {
            return NotFound();
        }
        Records = page;
        Label = (await summary.BuildAsync(Query, ct)).Value?.Figures.FirstOrDefault(f => f.Key == Key)?.Label ?? Key;
        return Page();
    }

    public string NextLink(long after) => "/Insights/Records?key=" + Uri.EscapeDataString(Key ?? "") + (Query.PageQuery is { Length: > 0 } q ? "&" + q : "") + "&after=" + after;
}
