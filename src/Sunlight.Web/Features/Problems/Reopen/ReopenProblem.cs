using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Reopen;

public sealed record ReopenInput(string Reason, Guid Version);

internal sealed class ReopenInputValidator : AbstractValidator<ReopenInput>
{
    public ReopenInputValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请说明问题复发的情况").MaximumLength(900).WithMessage("原因不能超过 900 个字");
}

/// <summary>A written-off problem recurred: back to the unit for new measures.</summary>
public sealed class ReopenProblem(SunlightDbContext db, IValidator<ReopenInput> validator, Notifier notifier, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock)
{
    internal async Task<Outcome<Problem>> HandleAsync(long id, ReopenInput input, CancellationToken ct)
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
        problem.Reopen(input.Reason, calendar.AddWorkingDays(ChinaTime.Today(clock), settings.PlanWithinWorkingDays).Date);
        await notifier.ToUnitAsync(problem.UnitId, $"问题复发，已重新打开：{problem.Number}", input.Reason, ProblemQueries.Link(problem), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
