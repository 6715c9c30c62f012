using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Resume;

internal sealed record ResumeInput(Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ResumeInputValidator : AbstractValidator<ResumeInput>;

/// <summary>恢复计时: the running due day moves by the working days the clock stood still (after the pause day, up to today).</summary>
internal sealed class ResumeProblem(SunlightDbContext db, Notifier notifier, WorkingCalendar calendar, TimeProvider clock, IValidator<ResumeInput> validator)
    : UseCase<ResumeInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(ResumeInput input, CancellationToken ct)
    {
        if (await db.FindForEditAsync(input.Id, input.Version, ct) is not { } problem)
        {
            return Outcome<Problem>.Missing();
        }
        var today = ChinaTime.Today(clock);
        var days = calendar.WorkingDaysBetween(problem.PausedOn ?? today, today);
        problem.Resume(days, due => calendar.AddWorkingDays(due, days));
        var due = problem.State == ProblemState.Rectifying ? problem.Deadline : problem.PlanDueOn;
        await notifier.ToUnitAsync(problem.UnitId, $"问题恢复计时：{problem.Number}", $"暂停 {days} 个工作日，期限顺延至 {due:yyyy-MM-dd}。", Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class ResumeEndpoint
{
    public static void MapResume(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/resume", (long id, ResumeInput? input, ResumeProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("恢复计时（期限按暂停的工作日顺延）");
}

/// <summary>恢复计时 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class ResumeModel(ResumeProblem step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<ResumeInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "已恢复计时。", ct);
}
