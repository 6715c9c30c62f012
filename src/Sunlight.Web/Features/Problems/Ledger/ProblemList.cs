using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Ledger;

/// <summary>Ledger filters shared by the pages, the API and the export.</summary>
internal sealed record ProblemFilter(long? UnitId = null, ProblemSource? Source = null, string? Category = null, ProblemState? State = null, bool? Overdue = null, string? Q = null,
    /// <summary>Raised on or after this day.</summary>
    DateOnly? Since = null);

internal sealed record ProblemDto(
    long Id, string Number, long UnitId, string UnitName, ProblemSource Source, string? SourceType, long? SourceId,
    string Category, ProblemSeverity Severity, string Description, DateOnly FoundOn, string FoundBy, DateOnly RaisedOn,
    DateOnly PlanDueOn, ProblemState State, string StateName, string? Measures, DateOnly? Deadline, bool DeadlineUncertain,
    string? LatestProgress, string? Completion, string? VerificationOpinion, string? VerifiedBy, DateOnly? WrittenOffOn,
    int RejectionCount, int ReopenCount, string? DisputeReason, string? DisputeRuling, bool Overdue, bool PlanLate, Guid Version,
    DateOnly? PausedOn = null, string? PauseReason = null, int PausedWorkingDays = 0)
{
    internal static ProblemDto From(Problem p, string unitName, DateOnly today) => new(
        p.Id, p.Number, p.UnitId, unitName, p.Source, p.SourceType, p.SourceId, p.Category, p.Severity, p.Description, p.FoundOn,
        p.FoundBy, p.RaisedOn, p.PlanDueOn, p.State, ProblemNames.State(p.State), p.Measures, p.Deadline, p.DeadlineUncertain,
        p.LatestProgress, p.Completion, p.VerificationOpinion, p.VerifiedBy, p.WrittenOffOn, p.RejectionCount, p.ReopenCount,
        p.DisputeReason, p.DisputeRuling, p.IsOverdueOn(today), p.IsPlanLateOn(today), p.Version, p.PausedOn, p.PauseReason, p.PausedWorkingDays);
}

internal static class ProblemList
{
    public static IQueryable<Problem> Apply(IQueryable<Problem> query, ProblemFilter f, DateOnly today)
    {
        if (f.UnitId is { } unit)
        {
            query = query.Where(p => p.UnitId == unit);
        }
        if (f.Source is { } source)
        {
            query = query.Where(p => p.Source == source);
        }
        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            query = query.Where(p => p.Category == f.Category);
        }
        if (f.State is { } state)
        {
            query = query.Where(p => p.State == state);
        }
        if (f.Overdue == true)
        {
            query = query.WhereOverdue(today);
        }
        if (f.Since is { } since)
        {
            query = query.Where(p => p.RaisedOn >= since);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            query = query.Where(p => p.Description.Contains(f.Q) || p.Number.Contains(f.Q));
        }
        return query;
    }

    /// <summary>The ledger's rows for these filters in the caller's scope (the list page and the work home's figures).</summary>
    public static IQueryable<Problem> Filtered(SunlightDbContext db, ProblemFilter f, DateOnly today) => Apply(db.Set<Problem>().AsNoTracking(), f, today);

    /// <summary>A keyset page of the ledger, newest first, after the last id seen, with unit names and the filtered total.</summary>
    public static async Task<Page<ProblemDto>> PageAsync(SunlightDbContext db, ProblemFilter f, long? after, int? limit, DateOnly today, CancellationToken ct)
    {
        var page = await Filtered(db, f, today)
            .KeysetAsync(p => p.Id, newestFirst: true, after, limit, p => new { Problem = p, UnitName = p.Unit!.Name }, r => r.Problem.Id, ct);
        return page.Map(r => ProblemDto.From(r.Problem, r.UnitName, today));
    }
}
