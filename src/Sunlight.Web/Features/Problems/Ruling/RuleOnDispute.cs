using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Ruling;

internal sealed record RulingInput(bool Upheld, string? Ruling, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class RulingInputValidator : AbstractValidator<RulingInput>
{
    public RulingInputValidator() => RuleFor(x => x.Ruling).RequiredText("裁定意见", ProblemConfiguration.DisputeLength);
}

/// <summary>裁定异议: upheld, the problem is dismissed; rejected, the rectification continues where it was.</summary>
internal sealed class RuleOnDispute(SunlightDbContext db, Notifier notifier, IValidator<RulingInput> validator) : UseCase<RulingInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(RulingInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        problem.RuleOnDispute(input.Upheld, input.Ruling!);
        await notifier.ToUnitAsync(problem.UnitId, (input.Upheld ? "异议成立，问题已撤销：" : "异议不成立，请继续整改：") + problem.Number,
            input.Ruling!, Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class RulingEndpoint
{
    public static void MapRuling(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/dispute/ruling", (long id, RulingInput? input, RuleOnDispute step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("裁定异议：成立则撤销问题，不成立则继续整改");
}
