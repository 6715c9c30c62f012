using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Figures;

/// <summary>Figures filter: a unit (else the county, in the caller's scope) and the period of cases and guidance records.</summary>
internal sealed record FigureQuery(long? UnitId, DateOnly? From, DateOnly? To);

/// <summary>
/// The county's figures from records: items of approved lists, exemption cases, guidance records and pledges. Each
/// figure's <c>recordsUrl</c> is the list endpoint with the same filters, so it returns exactly the records counted.
/// </summary>
internal sealed class LeniencyFigures(SunlightDbContext db)
{
    public const string Base = "/api/v1/leniency";

    /// <summary>Each figure: its key, label, list path and list filter, and whether the period applies (cases and records) or not (list items in force).</summary>
    private static readonly (string Key, string Label, string Path, string? Filter, bool Dated)[] Definitions =
    [
        ("flexible-items", "柔性执法一件事", "items", $"kind={ListKind.FlexibleMatters}", false),
        ("no-penalty-items", "不予处罚事项（含首违不罚、轻微违法免罚）", "items", "noPenalty=true", false),
        ("first-violation-cases", "首违不罚案件", "exemptions", $"kind={ListKind.FirstViolation}", true),
        ("exemption-cases", "免罚案件（全部）", "exemptions", null, true),
        ("guidance-items", "行政指导事项", "items", $"kind={ListKind.Guidance}", false),
        ("guidance-records", "行政指导记录", "guidance/records", null, true),
        ("pledges-kept", "告知承诺已履行", "exemptions", $"pledge={PledgeState.Kept}", true),
        ("pledges-broken", "告知承诺未履行", "exemptions", $"pledge={PledgeState.Broken}", true),
        ("pledges-pending", "告知承诺待整改", "exemptions", $"pledge={PledgeState.Pending}", true),
    ];

    public static IEnumerable<string> Keys => Definitions.Select(d => d.Key);

    /// <summary>The records behind <paramref name="key"/>: the same filtered query its list endpoint pages through. Null for an unknown key.</summary>
    public IQueryable<FigureRow>? Rows(string key, FigureQuery q)
    {
        IQueryable<FigureRow> Items(ListKind? kind, bool? noPenalty) => ListQueries.CurrentItems(db, q.UnitId, kind, noPenalty)
            .Select(i => new FigureRow { Id = i.Id, UnitId = i.UnitId, Title = i.Name, Detail = i.LegalBasis });
        IQueryable<FigureRow> Exemptions(ListKind? kind, PledgeState? pledge) =>
            new ExemptionQuery(q.UnitId, kind, pledge, null, q.From, q.To, null, null).Apply(db.Set<ExemptionCase>().AsNoTracking())
                .Select(e => new FigureRow { Id = e.Id, UnitId = e.UnitId, Title = e.Number, Detail = e.EnterpriseName + "：" + e.ItemName });
        return key switch
        {
            "flexible-items" => Items(ListKind.FlexibleMatters, null),
            "no-penalty-items" => Items(null, true),
            "first-violation-cases" => Exemptions(ListKind.FirstViolation, null),
            "exemption-cases" => Exemptions(null, null),
            "guidance-items" => Items(ListKind.Guidance, null),
            "guidance-records" => new GuidanceRecordQuery(q.UnitId, null, q.From, q.To, null, null).Apply(db.Set<GuidanceRecord>().AsNoTracking())
                .Select(g => new FigureRow { Id = g.Id, UnitId = g.UnitId, Title = g.TargetName, Detail = g.Matter }),
            "pledges-kept" => Exemptions(null, PledgeState.Kept),
            "pledges-broken" => Exemptions(null, PledgeState.Broken),
            "pledges-pending" => Exemptions(null, PledgeState.Pending),
            _ => null,
        };
    }

    /// <summary>The figures before counting: each one's query and the list url (with the same filters) that pages it.</summary>
    public IReadOnlyList<UncountedFigure> Uncounted(FigureQuery q)
    {
        var unit = q.UnitId is { } u ? $"unitId={u}" : null;
        var period = new[] { q.From is { } f ? $"from={f:yyyy-MM-dd}" : null, q.To is { } t ? $"to={t:yyyy-MM-dd}" : null };
        string Url(string path, string? filter, bool dated) =>
            $"{Base}/{path}" + string.Concat(new[] { filter, unit }.Concat(dated ? period : []).OfType<string>().Select((p, i) => (i == 0 ? "?" : "&") + p));
        return Definitions.Select(d => new UncountedFigure(d.Key, d.Label, Url(d.Path, d.Filter, d.Dated), Rows(d.Key, q)!)).ToList();
    }

    public async Task<FiguresDto> BuildAsync(FigureQuery q, CancellationToken ct) => new(await db.CountAsync(Uncounted(q), ct));
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder g) =>
        g.MapGet("/figures", async ([AsParameters] FigureQuery q, LeniencyFigures figures, CancellationToken ct) => TypedResults.Ok(await figures.BuildAsync(q, ct)))
            .WithSummary("柔性执法数据（按单位、期间；每项附 recordsUrl，返回的正是计入该数的记录）");
}
