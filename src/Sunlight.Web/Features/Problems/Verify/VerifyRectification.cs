using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Verify;

/// <summary>核账: accept → 销账; reject needs the reason (核查意见).</summary>
public sealed record VerifyInput(bool Accept, string? Opinion, Guid Version);

internal sealed class VerifyInputValidator : AbstractValidator<VerifyInput>
{
    public VerifyInputValidator()
    {
        RuleFor(x => x.Opinion).NotEmpty().When(x => !x.Accept).WithMessage("退回整改时必须填写核查意见");
        RuleFor(x => x.Opinion).MaximumLength(1000).WithMessage("核查意见不能超过 1000 个字");
    }
}

public sealed class VerifyRectification(SunlightDbContext db, IValidator<VerifyInput> validator, Notifier notifier, TimeProvider clock)
{
    internal async Task<Outcome<Problem>> HandleAsync(long id, VerifyInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return ProblemQueries.Invalid(check);
        }
        var opinion = string.IsNullOrWhiteSpace(input.Opinion) ? "整改到位，同意销号。" : input.Opinion;
        problem.Verify(input.Accept, opinion, db.Scope.ActorName, ChinaTime.Today(clock));
        var title = input.Accept ? $"已销账：问题 {problem.Number}" : $"核账未通过，请继续整改：问题 {problem.Number}";
        await notifier.ToUnitAsync(problem.UnitId, title, opinion, ProblemQueries.Link(problem), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
