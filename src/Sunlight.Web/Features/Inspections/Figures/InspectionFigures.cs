using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Insights;
using Sunlight.Web.Features.Inspections.Overlaps;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Figures;

/// <summary>
/// Inspection figures for the visits in the period (<see cref="Inspection.VisitDate"/>) of a unit; non-enforcement visits
/// (走访) are not inspections. An overlap is an inspection that repeats another of the same enterprise within the window
/// (<see cref="OverlapDetection"/>'s pairs: the later one of each pair). A joint inspection counts once, for its lead unit.
/// </summary>
internal sealed class InspectionFigures(SunlightDbContext db, OverlapDetection overlaps) : IFigureSource
{
    public string Path => "/api/v1/inspections";

    public IReadOnlyList<(string Key, string Label)> Keys { get; } =
    [
        ("inspections", "涉企行政检查"),
        ("inspection-overlaps", "多头、重复检查"),
        ("joint-inspections", "联合检查"),
    ];

    public Task<IQueryable<FigureRow>?> RowsAsync(string key, FigureFilter f, CancellationToken ct)
    {
        var visits = db.Set<Inspection>().AsNoTracking().Where(i => i.Type != InspectionType.Visit);
        var joint = db.Set<JointInspection>().AsNoTracking();
        if (f.From is { } from)
        {
            visits = visits.Where(i => i.VisitDate >= from);
            joint = joint.Where(j => j.VisitDate >= from);
        }
        if (f.To is { } to)
        {
            visits = visits.Where(i => i.VisitDate <= to);
            joint = joint.Where(j => j.VisitDate <= to);
        }
        if (f.UnitId is { } unit)
        {
            visits = visits.Where(i => i.UnitId == unit);
            joint = joint.Where(j => j.LeadUnitId == unit);
        }
        var pairs = overlaps.Pairs(DateOnly.MinValue, DateOnly.MaxValue, overlaps.Window(null), plannedOnly: false);
        IQueryable<FigureRow>? rows = key switch
        {
            "inspections" => Rows(visits),
            "inspection-overlaps" => Rows(visits.Where(i => pairs.Any(p => p.SecondId == i.Id))),
            "joint-inspections" => joint.Select(j => new FigureRow { Id = j.Id, UnitId = j.LeadUnitId, Title = j.Code, Detail = null }),
            _ => null,
        };
        return Task.FromResult(rows);
    }

    private static IQueryable<FigureRow> Rows(IQueryable<Inspection> inspections) =>
        inspections.Select(i => new FigureRow { Id = i.Id, UnitId = i.UnitId, Title = i.Code ?? "待审批", Detail = i.Purpose });
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder inspections) => inspections.MapFiguresOf<InspectionFigures>(InsightsPolicies.View, "涉企行政检查");
}
