using FluentValidation;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.ProposeMeasures;

/// <summary>整改措施 and 整改时限; without a deadline the default (20 WD) applies.</summary>
public sealed record ProposeMeasuresInput(string Measures, DateOnly? Deadline, Guid Version);

internal sealed class ProposeMeasuresInputValidator : AbstractValidator<ProposeMeasuresInput>
{
    public ProposeMeasuresInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Measures).NotEmpty().WithMessage("整改措施不能为空").MaximumLength(2000).WithMessage("整改措施不能超过 2000 个字");
        RuleFor(x => x.Deadline).Must(d => d is null || d >= ChinaTime.Today(clock)).WithMessage("整改时限不能早于今天");
        RuleFor(x => x.Deadline).Must(d => d is null || d <= ChinaTime.Today(clock).AddYears(2)).WithMessage("整改时限不能超过两年");
    }
}

public sealed class ProposeRectificationMeasures(SunlightDbContext db, IValidator<ProposeMeasuresInput> validator, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock)
{
    internal async Task<Outcome<Problem>> HandleAsync(long id, ProposeMeasuresInput input, CancellationToken ct)
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
        var today = ChinaTime.Today(clock);
        var deadline = input.Deadline is { } chosen
            ? new Deadline(chosen, calendar.Check(chosen).Uncertain)
            : calendar.AddWorkingDays(today, settings.DefaultRectificationWorkingDays);
        problem.ProposeMeasures(input.Measures, deadline.Date, deadline.Uncertain);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
