using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems.Submit;

/// <summary>完成情况: what the unit reports when it asks the bureau to verify.</summary>
public sealed record SubmitInput(string Completion, Guid Version);

internal sealed class SubmitInputValidator : AbstractValidator<SubmitInput>
{
    public SubmitInputValidator() =>
        RuleFor(x => x.Completion).NotEmpty().WithMessage("完成情况不能为空").MaximumLength(2000).WithMessage("完成情况不能超过 2000 个字");
}

public sealed class SubmitRectification(SunlightDbContext db, IValidator<SubmitInput> validator, Notifier notifier, TimeProvider clock)
{
    internal async Task<Outcome<Problem>> HandleAsync(long id, SubmitInput input, CancellationToken ct)
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
        problem.Submit(input.Completion, clock.GetUtcNow());
        await notifier.ToRoleAsync(Roles.Supervisor, $"待核账：问题 {problem.Number}", $"{problem.Category}：{Raise.ProblemLedger.Shorten(problem.Description)}", ProblemQueries.Link(problem), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
