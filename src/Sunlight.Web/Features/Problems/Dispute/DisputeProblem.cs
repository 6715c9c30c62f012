using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems.Dispute;

public sealed record DisputeInput(string Reason, Guid Version);

public sealed record DisputeRulingInput(bool Upheld, string Ruling, Guid Version);

internal sealed class DisputeInputValidator : AbstractValidator<DisputeInput>
{
    public DisputeInputValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写异议理由").MaximumLength(1000).WithMessage("异议理由不能超过 1000 个字");
}

internal sealed class DisputeRulingInputValidator : AbstractValidator<DisputeRulingInput>
{
    public DisputeRulingInputValidator() =>
        RuleFor(x => x.Ruling).NotEmpty().WithMessage("请填写裁定意见").MaximumLength(1000).WithMessage("裁定意见不能超过 1000 个字");
}

/// <summary>The unit disputes a problem (异议); a Supervisor rules on it.</summary>
public sealed class DisputeProblem(SunlightDbContext db, IValidator<DisputeInput> disputeValidator, IValidator<DisputeRulingInput> rulingValidator, Notifier notifier)
{
    internal async Task<Outcome<Problem>> DisputeAsync(long id, DisputeInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var check = await disputeValidator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return ProblemQueries.Invalid(check);
        }
        problem.Dispute(input.Reason);
        await notifier.ToRoleAsync(Roles.Supervisor, $"问题异议待裁定：{problem.Number}", input.Reason, ProblemQueries.Link(problem), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }

    internal async Task<Outcome<Problem>> RuleAsync(long id, DisputeRulingInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var check = await rulingValidator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return ProblemQueries.Invalid(check);
        }
        problem.RuleOnDispute(input.Upheld, input.Ruling);
        await notifier.ToUnitAsync(problem.UnitId, (input.Upheld ? "异议成立，问题已撤销：" : "异议不成立，请继续整改：") + problem.Number,
            input.Ruling, ProblemQueries.Link(problem), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
