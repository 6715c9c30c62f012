using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems.Dispute;

internal sealed record DisputeInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class DisputeInputValidator : AbstractValidator<DisputeInput>
{
    public DisputeInputValidator() => RuleFor(x => x.Reason).RequiredText("异议理由", ProblemConfiguration.DisputeLength);
}

/// <summary>异议: the unit disputes a problem it was given; a Supervisor rules on it (<c>Ruling</c>).</summary>
internal sealed class DisputeProblem(SunlightDbContext db, Notifier notifier, IValidator<DisputeInput> validator) : UseCase<DisputeInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(DisputeInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        problem.Dispute(input.Reason!);
        await notifier.ToRoleAsync(Roles.Supervisor, $"问题异议待裁定：{problem.Number}", input.Reason!, Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class DisputeEndpoint
{
    public static void MapDispute(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/dispute", (long id, DisputeInput? input, DisputeProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Rectify).WithSummary("责任单位对问题提出异议");
}
