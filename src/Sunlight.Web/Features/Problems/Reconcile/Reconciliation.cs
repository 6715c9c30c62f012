using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Reconcile;

/// <summary>The figures a Supervisor reads out at a meeting, per unit or for the county.</summary>
internal sealed record ReconcileTotals(int Raised, int NoPlan, int PlanLate, int Rectifying, int AwaitingVerification, int WrittenOff, int Overdue, int Disputed, int Dismissed);

internal sealed record ReconcileRow(long UnitId, string UnitCode, string UnitName, ReconcileTotals Totals);

/// <summary>One problem that does not reconcile: no plan after the allowed WD, or a plan past its deadline.</summary>
internal sealed record ReconcileGap(long Id, string Number, long UnitId, string UnitName, string Category, ProblemState State, DateOnly DueOn, string Issue);

internal sealed record ReconcileReport(DateOnly Today, ReconcileTotals County, IReadOnlyList<ReconcileRow> Units, IReadOnlyList<ReconcileGap> Gaps);

/// <summary>
/// 对账: every problem of the list matched against its rectification entry. Computed from the problem rows every time
/// (never stored totals), within the caller's scope: UnitStaff reconcile their own unit.
/// </summary>
internal sealed class Reconciliation(SunlightDbContext db, TimeProvider clock)
{
    public async Task<ReconcileReport> BuildAsync(long? unitId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var problems = await db.Set<Problem>().AsNoTracking()
            .Where(p => unitId == null || p.UnitId == unitId)
            .Select(p => new { p.Id, p.Number, p.UnitId, p.Category, p.State, p.Deadline, p.PlanDueOn, p.PausedOn })
            .ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && (unitId == null || u.Id == unitId))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);

        ReconcileTotals Totals(IEnumerable<ProblemState> states, int planLate, int overdue)
        {
            var list = states.ToList();
            return new ReconcileTotals(list.Count, list.Count(s => s == ProblemState.Raised), planLate,
                list.Count(s => s == ProblemState.Rectifying), list.Count(s => s == ProblemState.AwaitingVerification),
                list.Count(s => s == ProblemState.WrittenOff), overdue, list.Count(s => s == ProblemState.Disputed),
                list.Count(s => s == ProblemState.Dismissed));
        }
        bool PlanLate(ProblemState s, DateOnly due, DateOnly? paused) => ProblemLateness.IsPlanLate(s, due, today, paused);
        bool Overdue(ProblemState s, DateOnly? deadline, DateOnly? paused) => ProblemLateness.IsOverdue(s, deadline, today, paused);

        var rows = units.Select(u =>
        {
            var mine = problems.Where(p => p.UnitId == u.Id).ToList();
            return new ReconcileRow(u.Id, u.Code, u.Name, Totals(mine.Select(p => p.State), mine.Count(p => PlanLate(p.State, p.PlanDueOn, p.PausedOn)), mine.Count(p => Overdue(p.State, p.Deadline, p.PausedOn))));
        }).ToList();
        var county = Totals(problems.Select(p => p.State), problems.Count(p => PlanLate(p.State, p.PlanDueOn, p.PausedOn)), problems.Count(p => Overdue(p.State, p.Deadline, p.PausedOn)));
        var gaps = problems
            .Where(p => PlanLate(p.State, p.PlanDueOn, p.PausedOn) || Overdue(p.State, p.Deadline, p.PausedOn))
            .Select(p => PlanLate(p.State, p.PlanDueOn, p.PausedOn)
                ? new ReconcileGap(p.Id, p.Number, p.UnitId, names.GetValueOrDefault(p.UnitId, ""), p.Category, p.State, p.PlanDueOn, "逾期未制定整改措施")
                : new ReconcileGap(p.Id, p.Number, p.UnitId, names.GetValueOrDefault(p.UnitId, ""), p.Category, p.State, p.Deadline!.Value, "超过整改时限未完成"))
            .OrderBy(e => e.DueOn).ToList();
        return new ReconcileReport(today, county, rows, gaps);
    }
}
