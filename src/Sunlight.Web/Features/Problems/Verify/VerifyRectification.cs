using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Verify;

/// <summary>核账: accept → 销账; reject needs the reason (核查意见).</summary>
internal sealed record VerifyInput(bool Accept, string? Opinion = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class VerifyInputValidator : AbstractValidator<VerifyInput>
{
    public VerifyInputValidator()
    {
        RuleFor(x => x.Opinion).NotEmpty().When(x => !x.Accept).WithMessage("退回整改时必须填写核查意见");
        RuleFor(x => x.Opinion).OptionalText("核查意见", ProblemConfiguration.OpinionLength);
    }
}

/// <summary>核账/销账: accepted, the problem is written off; rejected, it goes back to the unit with the reason.</summary>
internal sealed class VerifyRectification(SunlightDbContext db, Notifier notifier, TimeProvider clock, IValidator<VerifyInput> validator)
    : UseCase<VerifyInput, Problem>(validator)
{
    public const string DefaultOpinion = "整改到位，同意销账。";

    protected override async Task<Outcome<Problem>> HandleAsync(VerifyInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var opinion = string.IsNullOrWhiteSpace(input.Opinion) ? DefaultOpinion : input.Opinion;
        problem.Verify(input.Accept, opinion, db.Scope.ActorName, ChinaTime.Today(clock));
        var title = input.Accept ? $"已销账：问题 {problem.Number}" : $"核账未通过，请继续整改：问题 {problem.Number}";
        await notifier.ToUnitAsync(problem.UnitId, title, opinion, Problem.DetailsLink(problem.Number), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class VerifyEndpoint
{
    public static void MapVerify(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/verify", (long id, VerifyInput? input, VerifyRectification step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("核账：通过即销账；退回须填写核查意见");
}
