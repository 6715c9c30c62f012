using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.ProposeMeasures;

/// <summary>整改措施 and 整改时限; without a deadline the default (20 WD) applies.</summary>
internal sealed record ProposeMeasuresInput(string? Measures, DateOnly? Deadline = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ProposeMeasuresInputValidator : AbstractValidator<ProposeMeasuresInput>
{
    public ProposeMeasuresInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Measures).RequiredText("整改措施", ProblemConfiguration.MeasuresLength);
        RuleFor(x => x.Deadline).Must(d => d is null || d >= ChinaTime.Today(clock)).WithMessage("整改时限不能早于今天")
            .Must(d => d is null || d <= ChinaTime.Today(clock).AddYears(2)).WithMessage("整改时限不能超过两年");
    }
}

/// <summary>制定整改措施: the unit's plan and deadline; the problem moves to 整改中.</summary>
internal sealed class ProposeRectificationMeasures(SunlightDbContext db, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock,
    IValidator<ProposeMeasuresInput> validator) : UseCase<ProposeMeasuresInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(ProposeMeasuresInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var deadline = input.Deadline is { } chosen
            ? new Deadline(chosen, calendar.Check(chosen).Uncertain)
            : calendar.AddWorkingDays(ChinaTime.Today(clock), settings.DefaultRectificationWorkingDays);
        problem.ProposeMeasures(input.Measures!, deadline.Date, deadline.Uncertain);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class ProposeMeasuresEndpoint
{
    public static void MapProposeMeasures(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/measures", (long id, ProposeMeasuresInput? input, ProposeRectificationMeasures step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct))
            .RequireAuthorization(ProblemPolicies.Rectify).WithSummary("制定整改措施和整改时限（不填时限则默认 20 个工作日）");
}
