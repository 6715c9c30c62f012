using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Raise;

/// <summary>What another feature (complaints, case review, rule warnings ...) tells the ledger about a problem it found.</summary>
internal sealed record RaiseProblemRequest(
    ProblemSource Source, string? SourceType, long? SourceId, long UnitId, string Category, ProblemSeverity Severity,
    string Description, DateOnly FoundOn, string FoundBy);

/// <summary>
/// The one way into the problem list for every feature. <see cref="RaiseAsync"/> adds the problem and the unit's
/// notification to the scoped context <b>without saving</b>: the caller's one SaveChanges commits its own change and
/// the problem together.
/// </summary>
internal sealed class ProblemLedger(SunlightDbContext db, Notifier notifier, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock)
{
    public async Task<Problem> RaiseAsync(RaiseProblemRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Category);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Description);
        // The caller's scope applies: a unit the caller cannot see cannot be given a problem.
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId, ct)
            ?? throw new InvalidOperationException($"责任单位 {request.UnitId} 不存在或无权访问。");
        var today = ChinaTime.Today(clock);
        var problem = Problem.Raise(unit, request.Source, request.SourceType, request.SourceId, request.Category, request.Severity,
            request.Description, request.FoundOn, string.IsNullOrWhiteSpace(request.FoundBy) ? db.Scope.ActorName : request.FoundBy,
            today, calendar.AddWorkingDays(today, settings.PlanWithinWorkingDays).Date);
        db.Set<Problem>().Add(problem);
        await notifier.ToUnitAsync(unit.Id, $"新交办问题（{ProblemNames.Source(request.Source)}）：{request.Category}",
            $"{Shorten(request.Description)}。请在 {problem.PlanDueOn:yyyy年M月d日} 前制定整改措施和整改时限。", Problem.DetailsLink(problem.Number), ct);
        return problem;
    }

    /// <summary>At most 80 characters, without the text's own closing punctuation (the sentence around it adds its own: no "。。").</summary>
    internal static string Shorten(string text) => text.Length <= 80 ? Wording.Clause(text)! : text[..80].Trim() + "…";
}
