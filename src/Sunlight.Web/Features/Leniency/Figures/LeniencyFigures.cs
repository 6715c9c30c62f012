using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Figures;

internal sealed record Figure(string Key, string Label, int Value, string RecordsUrl);

internal sealed record FiguresDto(IReadOnlyList<Figure> Figures);

/// <summary>Figures filter: a unit (else the county, in the caller's scope) and the period of cases and guidance records.</summary>
internal sealed record FigureQuery(long? UnitId, DateOnly? From, DateOnly? To);

/// <summary>
/// The county's figures from records: items of approved lists, exemption cases, guidance records and pledges. Each
/// figure's <c>recordsUrl</c> is the list endpoint with the same filters, so it returns exactly the records counted.
/// </summary>
internal sealed class LeniencyFigures(SunlightDbContext db)
{
    public const string Base = "/api/v1/leniency";

    public async Task<FiguresDto> BuildAsync(FigureQuery q, CancellationToken ct)
    {
        var unit = q.UnitId is { } u ? $"unitId={u}" : null;
        var period = new[] { q.From is { } f ? $"from={f:yyyy-MM-dd}" : null, q.To is { } t ? $"to={t:yyyy-MM-dd}" : null };
        string Url(string path, string? filter, bool dated) =>
            $"{Base}/{path}" + string.Concat(new[] { filter, unit }.Concat(dated ? period : []).OfType<string>().Select((p, i) => (i == 0 ? "?" : "&") + p));
        var exemptions = new ExemptionQuery(q.UnitId, null, null, null, q.From, q.To, null, null).Apply(db.Set<ExemptionCase>().AsNoTracking());
        var figures = new List<Figure>
        {
            new("flexible-items", "柔性执法一件事", await ListQueries.CurrentItems(db, q.UnitId, ListKind.FlexibleMatters, null).CountAsync(ct), Url("items", $"kind={ListKind.FlexibleMatters}", false)),
            new("no-penalty-items", "不予处罚事项（含首违不罚、轻微违法免罚）", await ListQueries.CurrentItems(db, q.UnitId, null, true).CountAsync(ct), Url("items", "noPenalty=true", false)),
            new("first-violation-cases", "首违不罚案件", await exemptions.CountAsync(e => e.Kind == ListKind.FirstViolation, ct), Url("exemptions", $"kind={ListKind.FirstViolation}", true)),
            new("exemption-cases", "免罚案件（全部）", await exemptions.CountAsync(ct), Url("exemptions", null, true)),
            new("guidance-items", "行政指导事项", await ListQueries.CurrentItems(db, q.UnitId, ListKind.Guidance, null).CountAsync(ct), Url("items", $"kind={ListKind.Guidance}", false)),
            new("guidance-records", "行政指导记录", await new GuidanceRecordQuery(q.UnitId, null, q.From, q.To, null, null).Apply(db.Set<GuidanceRecord>().AsNoTracking()).CountAsync(ct),
                Url("guidance/records", null, true)),
            new("pledges-kept", "告知承诺已履行", await exemptions.CountAsync(e => e.State == PledgeState.Kept, ct), Url("exemptions", $"pledge={PledgeState.Kept}", true)),
            new("pledges-broken", "告知承诺未履行", await exemptions.CountAsync(e => e.State == PledgeState.Broken, ct), Url("exemptions", $"pledge={PledgeState.Broken}", true)),
            new("pledges-pending", "告知承诺待整改", await exemptions.CountAsync(e => e.State == PledgeState.Pending, ct), Url("exemptions", $"pledge={PledgeState.Pending}", true)),
        };
        return new FiguresDto(figures);
    }
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder g) =>
        g.MapGet("/figures", async ([AsParameters] FigureQuery q, LeniencyFigures figures, CancellationToken ct) => TypedResults.Ok(await figures.BuildAsync(q, ct)))
            .WithSummary("柔性执法数据（按单位、期间；每项附 recordsUrl，返回的正是计入该数的记录）");
}
