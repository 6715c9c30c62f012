using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Reopen;

internal sealed record ReopenInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReopenInputValidator : AbstractValidator<ReopenInput>
{
    /// <summary>The reason is stored after <see cref="Problem.ReopenPrefix"/> in the 核查意见 column.</summary>
    public const int ReasonLength = ProblemConfiguration.OpinionLength - 5;

    public ReopenInputValidator() => RuleFor(x => x.Reason).RequiredText("复发情况", ReasonLength);
}

/// <summary>A written-off problem recurred: back to the unit for new measures.</summary>
internal sealed class ReopenProblem(SunlightDbContext db, Notifier notifier, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock,
    IValidator<ReopenInput> validator) : UseCase<ReopenInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(ReopenInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        problem.Reopen(input.Reason!, calendar.AddWorkingDays(ChinaTime.Today(clock), settings.PlanWithinWorkingDays).Date);
        await notifier.ToUnitAsync(problem.UnitId, $"问题复发，已重新打开：{problem.Number}", input.Reason!, Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class ReopenEndpoint
{
    public static void MapReopen(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/reopen", (long id, ReopenInput? input, ReopenProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("问题复发，重新打开已销账问题");
}
