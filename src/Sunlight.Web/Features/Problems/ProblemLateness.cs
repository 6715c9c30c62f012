using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Sunlight.Web.Features.Problems;

/// <summary>
/// When a problem is late, written once: the entity, the DTO, the list filter, 对账 and the deadline job all ask here.
/// Overdue (逾期): still being rectified and past its rectification deadline — a submitted problem waits on the bureau,
/// not the unit. Plan late (逾期未制定整改措施): no measures yet and past the day they were due.
/// </summary>
internal static class ProblemLateness
{
    private static readonly Expression<Func<ProblemState, DateOnly?, DateOnly, bool>> OverdueRule =
        (state, deadline, today) => state == ProblemState.Rectifying && deadline < today;
    private static readonly Func<ProblemState, DateOnly?, DateOnly, bool> Overdue = OverdueRule.Compile();

    private static readonly Expression<Func<ProblemState, DateOnly, DateOnly, bool>> PlanLateRule =
        (state, planDueOn, today) => state == ProblemState.Raised && planDueOn < today;
    private static readonly Func<ProblemState, DateOnly, DateOnly, bool> PlanLate = PlanLateRule.Compile();

    /// <summary>A paused clock (<paramref name="pausedOn"/> set) is never late.</summary>
    public static bool IsOverdue(ProblemState state, DateOnly? deadline, DateOnly today, DateOnly? pausedOn) => pausedOn is null && Overdue(state, deadline, today);

    public static bool IsPlanLate(ProblemState state, DateOnly planDueOn, DateOnly today, DateOnly? pausedOn) => pausedOn is null && PlanLate(state, planDueOn, today);

    /// <summary>The overdue rule as a filter the database runs (today is sent as a parameter).</summary>
    public static IQueryable<Problem> WhereOverdue(this IQueryable<Problem> query, DateOnly today) =>
        query.Where(p => p.PausedOn == null).Where(OnProblem(OverdueRule, nameof(Problem.Deadline), today));

    /// <summary>The plan-late rule as a filter the database runs.</summary>
    public static IQueryable<Problem> WherePlanLate(this IQueryable<Problem> query, DateOnly today) =>
        query.Where(p => p.PausedOn == null).Where(OnProblem(PlanLateRule, nameof(Problem.PlanDueOn), today));

    /// <summary><c>rule(p.State, p.&lt;due&gt;, today)</c> as a predicate on the problem row.</summary>
    private static Expression<Func<Problem, bool>> OnProblem(LambdaExpression rule, string due, DateOnly today)
    {
        var p = Expression.Parameter(typeof(Problem), "p");
        var day = Expression.Property(Expression.Constant(new Day(today)), nameof(Day.Value));
        var body = ReplacingExpressionVisitor.Replace(
            [.. rule.Parameters],
            [Expression.Property(p, nameof(Problem.State)), Expression.Property(p, due), day],
            rule.Body);
        return Expression.Lambda<Func<Problem, bool>>(body, p);
    }

    private sealed record Day(DateOnly Value);
}
