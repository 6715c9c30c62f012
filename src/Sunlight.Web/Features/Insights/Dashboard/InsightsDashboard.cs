using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Insights.Summary;
using Sunlight.Web.Features.Leniency.Figures;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Insights.Dashboard;

internal sealed record TrendPoint(string Month, IReadOnlyList<int> Values);

internal sealed record Trend(IReadOnlyList<string> Series, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// What the dashboard shows besides the summary: the records behind any summary figure (the page list of a tile), the
/// units' 效能评价, and monthly trends. All of it is counted by the same figure queries as the summary.
/// </summary>
internal sealed class InsightsDashboard(InsightsSummary summary, LeniencyFigures leniency, CampaignFigures campaigns, SunlightDbContext db, TimeProvider clock)
{
    /// <summary>The trend's series: summary keys counted month by month.</summary>
    public static readonly (string Key, string Label)[] TrendSeries = [("complaints-received", "收到投诉"), ("problems", "登记问题"), ("inspections", "涉企行政检查")];

    /// <summary>
    /// The records behind the summary figure <paramref name="key"/> under the same filters (the campaign as resolved by the
    /// summary, passed explicitly), newest first; null for an unknown key or a campaign key without a campaign.
    /// </summary>
    public async Task<Page<FigureRow>?> RecordsAsync(string key, SummaryQuery q, long? after, int? limit, CancellationToken ct)
    {
        if (summary.Sources.FirstOrDefault(s => s.Keys.Any(k => k.Key == key)) is { } source)
        {
            return await source.RecordsAsync(key, q.Filter, after, limit, ct);
        }
        if (leniency.Rows(key, new FigureQuery(q.Unit, q.From, q.To)) is { } rows)
        {
            return await rows.KeysetAsync(r => r.Id, newestFirst: true, after, limit, r => r, r => r.Id, ct);
        }
        if (q.Campaign is { } campaign && InsightsSummary.CampaignKeys.Contains(key) && campaigns.Query(campaign, key, unitId: q.Unit) is { } records)
        {
            // A campaign's records are few (its units, visits, drawn files): listed whole, as its own records endpoint does.
            var all = (await records.ToListAsync(ct)).OrderByDescending(r => r.Id).ToList();
            var shown = all.Where(r => after is null || r.Id < after).ToList();
            return Paging.ToPage(shown.Take(Paging.Limit(limit) + 1).ToList(), Paging.Limit(limit), r => r.Id, all.Count);
        }
        return null;
    }

    /// <summary>Each unit's 效能评价 counts (one unit when the filter names one).</summary>
    public async Task<IReadOnlyList<UnitIndicators>> UnitsAsync(SummaryQuery q, long? campaign, CancellationToken ct)
    {
        var f = q.Filter;
        static Task<Dictionary<long, int>> ByUnit(IQueryable<FigureRow> rows, CancellationToken ct) =>
            rows.Where(r => r.UnitId != null).GroupBy(r => r.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        async Task<Dictionary<long, int>> Summary(string key) =>
            await ByUnit((await summary.Sources.First(s => s.Keys.Any(k => k.Key == key)).RowsAsync(key, f, ct))!, ct);
        Task<Dictionary<long, int>> Campaign(string key) =>
            campaign is { } c ? ByUnit(campaigns.Query(c, key, unitId: q.Unit)!, ct) : Task.FromResult(new Dictionary<long, int>());
        var closed = await Summary("complaints-closed");
        var onTime = await Summary("complaints-on-time");
        var rated = await Summary("complaints-rated");
        var satisfied = await Summary("complaints-satisfied");
        var problems = await Summary("problems");
        var overdue = await Summary("rectifications-overdue");
        var reviewed = await Campaign("case-files-reviewed");
        var defects = await Campaign("case-file-defects");
        var units = await db.Units.AsNoTracking().Where(u => q.Unit == null || u.Id == q.Unit).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return units.Select(u => new UnitIndicators(u.Id, u.Name, closed.GetValueOrDefault(u.Id), onTime.GetValueOrDefault(u.Id), rated.GetValueOrDefault(u.Id),
            satisfied.GetValueOrDefault(u.Id), reviewed.GetValueOrDefault(u.Id), defects.GetValueOrDefault(u.Id), problems.GetValueOrDefault(u.Id), overdue.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>Month by month over the period (the last 12 months when none is given, at most 24): each series' figure for that month, all counted in one statement.</summary>
    public async Task<Trend> TrendAsync(SummaryQuery q, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var last = q.To ?? today;
        var first = q.From ?? last.AddMonths(-11);
        var month = new DateOnly(first.Year, first.Month, 1);
        if (month < new DateOnly(last.Year, last.Month, 1).AddMonths(-23))
        {
            month = new DateOnly(last.Year, last.Month, 1).AddMonths(-23);
        }
        var months = new List<string>();
        var queries = new List<IQueryable<FigureRow>>();
        for (; month <= last; month = month.AddMonths(1))
        {
            var start = month < first ? first : month;
            var end = month.AddMonths(1).AddDays(-1) > last ? last : month.AddMonths(1).AddDays(-1);
            months.Add($"{month.Year}-{month.Month:00}");
            foreach (var (key, _) in TrendSeries)
            {
                var source = summary.Sources.First(s => s.Keys.Any(k => k.Key == key));
                queries.Add((await source.RowsAsync(key, new FigureFilter(start, end, q.Unit), ct))!);
            }
        }
        var counts = await db.CountEachAsync(queries, ct);
        var points = months.Select((m, i) => new TrendPoint(m, counts.Skip(i * TrendSeries.Length).Take(TrendSeries.Length).ToList())).ToList();
        return new Trend(TrendSeries.Select(s => s.Label).ToList(), points);
    }
}
