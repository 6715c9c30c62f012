using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems.Submit;

/// <summary>完成情况: what the unit reports when it asks the bureau to verify.</summary>
internal sealed record SubmitInput(string? Completion, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class SubmitInputValidator : AbstractValidator<SubmitInput>
{
    public SubmitInputValidator() => RuleFor(x => x.Completion).RequiredText("完成情况", ProblemConfiguration.CompletionLength);
}

/// <summary>提交核账: the unit reports the rectification done; the bureau is told to verify.</summary>
internal sealed class SubmitRectification(SunlightDbContext db, Notifier notifier, TimeProvider clock, IValidator<SubmitInput> validator)
    : UseCase<SubmitInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(SubmitInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        problem.Submit(input.Completion!, clock.GetUtcNow());
        await notifier.ToRoleAsync(Roles.Supervisor, $"待核账：问题 {problem.Number}", $"{problem.Category}：{ProblemLedger.Shorten(problem.Description)}", Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class SubmitEndpoint
{
    public static void MapSubmit(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/submit", (long id, SubmitInput? input, SubmitRectification step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Rectify).WithSummary("整改完成，提交核账");
}
