using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Pause;

internal sealed record PauseInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class PauseInputValidator : AbstractValidator<PauseInput>
{
    public PauseInputValidator() => RuleFor(x => x.Reason).RequiredText("暂停原因", ProblemConfiguration.PauseReasonLength);
}

/// <summary>暂停计时 by the Supervisor (等待企业整改条件、鉴定检测 …): no reminder, no 督办, never overdue until resumed.</summary>
internal sealed class PauseProblem(SunlightDbContext db, Notifier notifier, TimeProvider clock, IValidator<PauseInput> validator)
    : UseCase<PauseInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(PauseInput input, CancellationToken ct)
    {
        if (await db.FindForEditAsync(input.Id, input.Version, ct) is not { } problem)
        {
            return Outcome<Problem>.Missing();
        }
        problem.Pause(input.Reason!, ChinaTime.Today(clock));
        await notifier.ToUnitAsync(problem.UnitId, $"问题暂停计时：{problem.Number}", "暂停原因：" + problem.PauseReason, Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class PauseEndpoint
{
    public static void MapPause(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/pause", (long id, PauseInput? input, PauseProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("暂停计时（须说明原因）");
}

/// <summary>暂停计时 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class PauseModel(PauseProblem step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<PauseInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "已暂停计时。", ct);
}
