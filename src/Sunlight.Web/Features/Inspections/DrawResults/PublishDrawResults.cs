using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Inspections.Draws;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.DrawResults;

/// <summary>公开抽查结果: the draw's results, published within 20 working days of the check (双随机一公开).</summary>
internal sealed record DrawResultsInput(string? Summary)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class DrawResultsInputValidator : AbstractValidator<DrawResultsInput>
{
    public DrawResultsInputValidator() => RuleFor(x => x.Summary).RequiredText("抽查结果", InspectionColumns.TextLength);
}

/// <summary>
/// The checks of one draw: the drawing unit's completed inspections of the drawn enterprises on or after the draw date.
/// The results are due 20 working days (on the holiday calendar) after the last of them.
/// </summary>
internal sealed record DrawChecks(RandomDraw Draw, IReadOnlyList<DrawCheck> Checks, int Unchecked, DateOnly? LastCheck, DateOnly? ResultsDue)
{
    public const int ResultsWorkingDays = 20;

    /// <summary>Published after the due date (or still unpublished past it).</summary>
    public bool Late(DateOnly today) => ResultsDue is { } due && (Draw.ResultsPublishedOn ?? today) > due;
}

internal sealed record DrawCheck(long EnterpriseId, long InspectionId, DateOnly VisitDate, InspectionOutcome Outcome);

internal sealed class DrawResultsQueries(SunlightDbContext db, WorkingCalendar calendar)
{
    public async Task<DrawChecks?> ChecksAsync(long drawId, CancellationToken ct) =>
        await db.Set<RandomDraw>().FirstOrDefaultAsync(d => d.Id == drawId, ct) is { } draw ? await ChecksAsync(draw, ct) : null;

    public async Task<DrawChecks> ChecksAsync(RandomDraw draw, CancellationToken ct)
    {
        var checks = (await db.Set<Inspection>().AsNoTracking()
                .Where(i => i.UnitId == draw.UnitId && draw.EnterpriseIds.Contains(i.EnterpriseId) && i.VisitDate >= draw.DrawDate
                            && i.State == InspectionState.Done && i.Outcome != null && i.Type != InspectionType.Visit)
                .Select(i => new DrawCheck(i.EnterpriseId, i.Id, i.VisitDate, i.Outcome!.Value)).ToListAsync(ct))
            .GroupBy(c => c.EnterpriseId).Select(g => g.OrderByDescending(c => c.VisitDate).First()).ToList();
        DateOnly? last = checks.Count > 0 ? checks.Max(c => c.VisitDate) : null;
        return new DrawChecks(draw, checks, draw.EnterpriseIds.Distinct().Count() - checks.Count, last,
            last is { } l ? calendar.AddWorkingDays(l, DrawChecks.ResultsWorkingDays).Date : null);
    }

    /// <summary>The caller's unit's draws whose checks are done and whose results are not yet published, with their due dates.</summary>
    public async Task<IReadOnlyList<DrawChecks>> UnpublishedAsync(CancellationToken ct)
    {
        var draws = await db.Set<RandomDraw>().Where(d => d.ResultsPublishedOn == null).OrderBy(d => d.Id).Take(200).ToListAsync(ct);
        var result = new List<DrawChecks>();
        foreach (var d in draws)
        {
            if (await ChecksAsync(d, ct) is { LastCheck: not null } checks)
            {
                result.Add(checks);
            }
        }
        return result;
    }
}

internal sealed class PublishDrawResults(SunlightDbContext db, DrawResultsQueries queries, TimeProvider clock, IValidator<DrawResultsInput> validator)
    : UseCase<DrawResultsInput, DrawChecks>(validator)
{
    protected override async Task<Outcome<DrawChecks>> HandleAsync(DrawResultsInput input, CancellationToken ct)
    {
        var draw = await db.Set<RandomDraw>().FirstOrDefaultAsync(d => d.Id == input.Id, ct);
        if (draw is null)
        {
            return Outcome<DrawChecks>.Missing();
        }
        if (draw.ResultsPublishedOn is not null)
        {
            return Outcome<DrawChecks>.Refused(InspectionRules.State, "该抽查的结果已公开。");
        }
        var checks = await queries.ChecksAsync(draw, ct);
        if (checks.Unchecked > 0)
        {
            return Outcome<DrawChecks>.Refused(InspectionRules.DrawResult, $"抽中的企业还有 {checks.Unchecked} 家未完成检查（须登记、审批并录入结果），不能公开抽查结果。");
        }
        draw.ResultSummary = input.Summary!.Trim();
        draw.ResultsPublishedOn = ChinaTime.Today(clock);
        await db.SaveChangesAsync(ct);
        return checks with { Draw = draw };
    }
}

/// <summary>What the publish endpoint answers: the dates and whether the 20 working days were kept.</summary>
internal sealed record DrawResultsDto(long DrawId, DateOnly? LastCheck, DateOnly? ResultsDue, DateOnly? PublishedOn, bool Late, string? Summary);

internal static class DrawResultsEndpoint
{
    public static void MapDrawResults(this RouteGroupBuilder inspections) =>
        inspections.MapPost("/draws/{id:long}/results", (long id, DrawResultsInput? input, PublishDrawResults publish, TimeProvider clock, CancellationToken ct) =>
                publish.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(c => TypedResults.Ok(
                    new DrawResultsDto(c.Draw.Id, c.LastCheck, c.ResultsDue, c.Draw.ResultsPublishedOn, c.Late(ChinaTime.Today(clock)), c.Draw.ResultSummary)), "抽查"))
            .RequireAuthorization(InspectionPolicies.Conduct)
            .WithSummary("公开双随机抽查结果（检查后 20 个工作日内；抽中企业须均已检查：I-DRAWRESULT）");
}
