using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Figures;

internal sealed record FigureRecords(string Key, int Total, IReadOnlyList<FigureRow> Records);

/// <summary>
/// The campaign's figures, computed from its records. Each figure's value and its drill-down list come from one query
/// (<see cref="Query"/>): what is counted is exactly what the <c>recordsUrl</c> lists.
/// </summary>
internal sealed class CampaignFigures(SunlightDbContext db, CampaignScope scope)
{
    public static readonly (string Key, string Label)[] Keys =
    [
        ("units-participating", "参与单位"),
        ("units-self-inspected", "完成自查的单位"),
        ("units-supervised", "接受督查的单位"),
        ("enterprises-visited", "走访企业"),
        ("problems", "发现问题"),
        ("case-files-reviewed", "评查案卷"),
        ("case-file-defects", "案卷瑕疵"),
        ("problems-written-off", "已销账问题"),
    ];

    /// <summary>
    /// The records behind a figure; <paramref name="category"/>/<paramref name="source"/> select a breakdown row,
    /// <paramref name="unitId"/> one unit's share (enterprise visits belong to no unit and are not narrowed). Null for an unknown key.
    /// </summary>
    public IQueryable<FigureRow>? Query(long id, string key, string? category = null, string? source = null, long? unitId = null)
    {
        var problems = db.ProblemsFrom(RaiseCampaignProblem.SourceType, id).Where(p => unitId == null || p.UnitId == unitId);
        if (category is not null)
        {
            problems = problems.Where(p => p.Category == category);
        }
        if (source is not null && Enum.TryParse<ProblemSource>(source, out var s))
        {
            problems = problems.Where(p => p.Source == s);
        }
        DefectCategory? defect = Enum.TryParse<DefectCategory>(category, out var dc) ? dc : null;
        var reviews = db.Set<CaseFileReview>().Where(r => r.Plan!.CampaignId == id && r.FinalScore != null && (unitId == null || r.UnitId == unitId));
        return key switch
        {
            "units-participating" => db.Set<CampaignUnit>().Where(u => u.CampaignId == id && (unitId == null || u.UnitId == unitId))
                .Join(db.Units, cu => cu.UnitId, u => u.Id, (cu, u) => new FigureRow { Id = u.Id, UnitId = u.Id, Title = u.Name, Detail = u.Code }),
            "units-self-inspected" => db.Set<SelfInspection>().Where(x => x.CampaignId == id && x.State == SelfInspectionState.Submitted && (unitId == null || x.UnitId == unitId))
                .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => new FigureRow { Id = x.Id, UnitId = u.Id, Title = u.Name, Detail = "已提交自查" }),
            "units-supervised" => scope.Inspections().Where(x => x.CampaignId == id && x.Visits.Any() && (unitId == null || x.UnitId == unitId))
                .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => new FigureRow { Id = x.Id, UnitId = u.Id, Title = u.Name }),
            "enterprises-visited" => db.Enterprises.Where(e => db.Set<EnterpriseVisit>().Any(v => v.CampaignId == id && v.EnterpriseId == e.Id))
                .Select(e => new FigureRow { Id = e.Id, Title = e.Name, Detail = e.Uscc }),
            "problems" => problems.Select(p => new FigureRow { Id = p.Id, UnitId = p.UnitId, Title = p.Number, Detail = p.Category + "：" + p.Description }),
            "problems-written-off" => problems.Where(p => p.State == ProblemState.WrittenOff)
                .Select(p => new FigureRow { Id = p.Id, UnitId = p.UnitId, Title = p.Number, Detail = p.Category + "：" + p.Description }),
            "case-files-reviewed" => reviews.Select(r => new FigureRow { Id = r.Id, UnitId = r.UnitId, Title = r.Case!.Number, Detail = r.Grade }),
            "case-file-defects" => reviews.SelectMany(r => r.Defects, (r, d) => new { r, d })
                .Where(x => category == null || (defect != null && x.d.Category == defect))
                .Select(x => new FigureRow { Id = x.d.Id, UnitId = x.r.UnitId, Title = x.r.Case!.Number, Detail = x.d.Description }),
            _ => null,
        };
    }

    /// <summary>
    /// The campaign's figures (one unit's share with <paramref name="unitId"/>), counted in one statement; with
    /// <paramref name="breakdowns"/> and no unit, the problems by category and source and the defects by category.
    /// </summary>
    public async Task<FiguresDto?> AllAsync(long id, CancellationToken ct, long? unitId = null, bool breakdowns = true)
    {
        if (!await scope.Campaigns().AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }
        var figures = Uncounted(id, unitId).ToList();
        if (unitId is null && breakdowns)
        {
            var problems = figures.FindIndex(f => f.Key == "problems");
            figures[problems] = figures[problems] with { Breakdown = await ProblemBreakdownAsync(id, ct) };
            var defects = figures.FindIndex(f => f.Key == "case-file-defects");
            figures[defects] = figures[defects] with { Breakdown = await DefectBreakdownAsync(id, ct) };
        }
        return new FiguresDto(await db.CountAsync(figures, ct));
    }

    /// <summary>The figures of a campaign the caller sees (not checked here), before counting.</summary>
    public IReadOnlyList<UncountedFigure> Uncounted(long id, long? unitId = null) =>
        Keys.Select(k => new UncountedFigure(k.Key, k.Label, RecordsUrl(id, k.Key, unitId is { } u ? $"unitId={u}" : null), Query(id, k.Key, unitId: unitId)!)).ToList();

    public static string RecordsUrl(long id, string key, string? query = null) =>
        $"/api/v1/campaigns/{id}/figures/{key}/records" + (query is null ? "" : "?" + query);

    private async Task<IReadOnlyList<Figure>> ProblemBreakdownAsync(long id, CancellationToken ct)
    {
        var rows = await db.ProblemsFrom(RaiseCampaignProblem.SourceType, id)
            .Select(p => new { p.Category, p.Source }).ToListAsync(ct);
        var byCategory = rows.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            new Figure("problems-by-category:" + g.Key, g.Key, g.Count(), RecordsUrl(id, "problems", "category=" + Uri.EscapeDataString(g.Key))));
        var bySource = rows.GroupBy(r => r.Source).OrderBy(g => g.Key).Select(g =>
            new Figure("problems-by-source:" + g.Key, ProblemNames.Source(g.Key), g.Count(), RecordsUrl(id, "problems", "source=" + g.Key)));
        return [new Figure("problems-by-category", "按类别", rows.Count, RecordsUrl(id, "problems"), byCategory.ToList()),
            new Figure("problems-by-source", "按来源", rows.Count, RecordsUrl(id, "problems"), bySource.ToList())];
    }

    private async Task<IReadOnlyList<Figure>> DefectBreakdownAsync(long id, CancellationToken ct)
    {
        var rows = await db.Set<CaseFileReview>().Where(r => r.Plan!.CampaignId == id && r.FinalScore != null).SelectMany(r => r.Defects).Select(d => d.Category).ToListAsync(ct);
        return rows.GroupBy(c => c).OrderBy(g => g.Key).Select(g =>
            new Figure("case-file-defects-by-category:" + g.Key, CampaignNames.Defect(g.Key), g.Count(), RecordsUrl(id, "case-file-defects", "category=" + g.Key))).ToList();
    }
}

internal static class FigureEndpoints
{
    public static void MapFigures(this RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/{id:long}/figures", async Task<Results<Ok<FiguresDto>, ProblemHttpResult>> (long id, CampaignFigures figures, CancellationToken ct) =>
                await figures.AllAsync(id, ct) is { } f ? TypedResults.Ok(f) : ApiErrors.NotFound("专项治理"))
            .WithSummary("专项治理的数据（均由记录计算，recordsUrl 列出所计入的记录）");

        campaigns.MapGet("/{id:long}/figures/{key}/records", async Task<Results<Ok<FigureRecords>, ProblemHttpResult>> (long id, string key, string? category, string? source, long? unitId,
                CampaignFigures figures, CampaignScope scope, CancellationToken ct) =>
            {
                if (!await scope.Campaigns().AnyAsync(c => c.Id == id, ct) || figures.Query(id, key, category, source, unitId) is not { } q)
                {
                    return ApiErrors.NotFound("专项治理数据");
                }
                var records = (await q.ToListAsync(ct)).OrderBy(r => r.Id).ToList();
                return TypedResults.Ok(new FigureRecords(key, records.Count, records));
            })
            .WithSummary("某项数据所计入的记录（与数据同一查询）");
    }
}
