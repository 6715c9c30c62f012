using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Recheck;

/// <summary>安排回头看: which written-off problem of the campaign, and in how many months.</summary>
internal sealed record ScheduleRecheckInput(long ProblemId, int AfterMonths)
{
    /// <summary>The campaign.</summary>
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ScheduleRecheckInputValidator : AbstractValidator<ScheduleRecheckInput>
{
    public const int MaxMonths = 36;

    public ScheduleRecheckInputValidator()
    {
        RuleFor(x => x.ProblemId).GreaterThan(0).WithMessage("请选择问题");
        RuleFor(x => x.AfterMonths).InclusiveBetween(1, MaxMonths).WithMessage($"回头看应安排在 1 至 {MaxMonths} 个月后");
    }
}

/// <summary>
/// A problem of the campaign that was written off (销账) is scheduled for a 回头看 in N months; one open re-check per
/// problem (rule <see cref="DuplicateRule"/>), and only a written-off problem (rule <see cref="StateRule"/>).
/// </summary>
internal sealed class ScheduleRecheck(SunlightDbContext db, CampaignScope scope, TimeProvider clock, IValidator<ScheduleRecheckInput> validator)
    : UseCase<ScheduleRecheckInput, ProblemRecheck>(validator)
{
    public const string StateRule = "Z-RECHECK-STATE", DuplicateRule = "Z-RECHECK-DUPLICATE";

    protected override async Task<Outcome<ProblemRecheck>> HandleAsync(ScheduleRecheckInput input, CancellationToken ct)
    {
        if (await scope.Campaigns().AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.Id, ct) is not { } campaign)
        {
            return Outcome<ProblemRecheck>.Missing();
        }
        var problem = await db.ProblemsFrom(RaiseCampaignProblem.SourceType, campaign.Id).AsNoTracking()
            .Where(p => p.Id == input.ProblemId).Select(p => new { p.Id, p.Number, p.UnitId, p.RegionCode, p.State }).FirstOrDefaultAsync(ct);
        if (problem is null)
        {
            return Outcome<ProblemRecheck>.Invalid("problemId", "该问题不是本次专项治理发现的问题");
        }
        if (problem.State != ProblemState.WrittenOff)
        {
            return Outcome<ProblemRecheck>.Refused(StateRule, $"问题 {problem.Number} 尚未销账（{ProblemNames.State(problem.State)}），只有已销账的问题才能安排回头看。");
        }
        if (await db.Set<ProblemRecheck>().AnyAsync(r => r.ProblemId == problem.Id && r.Result == null, ct))
        {
            return Outcome<ProblemRecheck>.Refused(DuplicateRule, $"问题 {problem.Number} 已安排回头看，尚未记录结论。");
        }
        var recheck = new ProblemRecheck
        {
            RegionCode = problem.RegionCode, UnitId = problem.UnitId, CampaignId = campaign.Id, ProblemId = problem.Id, ProblemNumber = problem.Number,
            AfterMonths = input.AfterMonths, DueOn = ChinaTime.Today(clock).AddMonths(input.AfterMonths), ScheduledBy = db.Scope.ActorName,
        };
        db.Set<ProblemRecheck>().Add(recheck);
        await db.SaveChangesAsync(ct);
        return recheck;
    }
}

internal sealed record RecheckDto(long Id, long CampaignId, long ProblemId, string ProblemNumber, long UnitId, int AfterMonths, DateOnly DueOn, string ScheduledBy,
    RecheckResult? Result, string? ResultText, string? Notes, DateOnly? CheckedOn, string? CheckedBy, Guid Version)
{
    public static RecheckDto Of(ProblemRecheck r) => new(r.Id, r.CampaignId, r.ProblemId, r.ProblemNumber, r.UnitId, r.AfterMonths, r.DueOn, r.ScheduledBy,
        r.Result, r.Result is { } x ? FollowUpNames.Result(x) : null, r.Notes, r.CheckedOn, r.CheckedBy, r.Version);
}

internal static class ScheduleRecheckEndpoint
{
    public static void MapScheduleRecheck(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/{id:long}/rechecks", (long id, ScheduleRecheckInput? input, ScheduleRecheck schedule, CancellationToken ct) =>
                schedule.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(r =>
                    TypedResults.Created($"/api/v1/campaigns/rechecks/{r.Id}", RecheckDto.Of(r)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("安排回头看：本次专项治理中已销账的问题，N 个月后复查整改是否到位");
        campaigns.MapGet("/{id:long}/rechecks", async (long id, long? after, int? limit, CampaignScope scope, SunlightDbContext db, CancellationToken ct) =>
            {
                var campaigns = scope.Campaigns().Select(c => c.Id);
                var page = await db.Set<ProblemRecheck>().AsNoTracking().Where(r => r.CampaignId == id && campaigns.Contains(r.CampaignId))
                    .KeysetAsync(r => r.Id, true, after, limit, r => r, r => r.Id, ct);
                return TypedResults.Ok(page.Map(RecheckDto.Of));
            })
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("专项治理的回头看（最新在前）");
    }
}
