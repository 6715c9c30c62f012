using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>人工增加案卷: a file outside the draw (a complaint's case, a tip-off), by its case number, with the reason.</summary>
internal sealed record AddCaseFileInput(string? CaseNumber, string? Reason)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AddCaseFileInputValidator : AbstractValidator<AddCaseFileInput>
{
    public AddCaseFileInputValidator()
    {
        RuleFor(x => x.CaseNumber).RequiredText("案号", Enforcement.CaseColumns.NumberLength);
        RuleFor(x => x.Reason).RequiredText("增加理由", CampaignColumns.ReasonLength);
    }
}

/// <summary>
/// Adds a file to a plan as a manual addition (marked 人工增加, outside the published draw and its redraw check); the
/// reason is in the plan's audit entry. The case must be on the register of one of the plan's units and not yet in the plan.
/// </summary>
internal sealed class AddCaseFile(SunlightDbContext db, CampaignScope scope, IValidator<AddCaseFileInput> validator) : UseCase<AddCaseFileInput, CaseFileReview>(validator)
{
    protected override async Task<Outcome<CaseFileReview>> HandleAsync(AddCaseFileInput input, CancellationToken ct)
    {
        var campaigns = scope.Campaigns().Select(c => c.Id);
        if (await db.Set<ReviewPlan>().FirstOrDefaultAsync(p => p.Id == input.Id && campaigns.Contains(p.CampaignId), ct) is not { } plan)
        {
            return Outcome<CaseFileReview>.Missing();
        }
        var codes = plan.UnitCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var number = input.CaseNumber!.Trim();
        var found = await db.EnforcementCases.AsNoTracking().Where(c => c.Number == number && codes.Contains(c.Unit!.Code)).Select(c => new { c.Id, c.UnitId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Outcome<CaseFileReview>.Invalid("caseNumber", "被评查单位的案件库中没有该案号");
        }
        if (await db.Set<CaseFileReview>().AnyAsync(r => r.PlanId == plan.Id && r.CaseId == found.Id, ct))
        {
            return Outcome<CaseFileReview>.Refused("Z-DRAW-DUPLICATE", "该案卷已在本评查方案中。");
        }
        (await db.Set<Campaign>().FirstAsync(c => c.Id == plan.CampaignId, ct)).RequireRunning("增加评查案卷");
        var review = new CaseFileReview { PlanId = plan.Id, CaseId = found.Id, UnitId = found.UnitId, RegionCode = plan.RegionCode, DrawRank = 0, IsManual = true };
        db.Set<CaseFileReview>().Add(review);
        db.RecordAudit(nameof(ReviewPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "AddCaseFile", null,
            new Dictionary<string, object?> { ["CaseNumber"] = number, ["Reason"] = input.Reason!.Trim() });
        await db.SaveChangesAsync(ct);
        return review;
    }
}

internal static class AddCaseFileEndpoint
{
    public static void MapAddCaseFile(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/review-plans/{id:long}/files", (long id, AddCaseFileInput? input, AddCaseFile add, CancellationToken ct) =>
                add.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(r =>
                    TypedResults.Created($"/api/v1/campaigns/review-plans/{r.PlanId}", new { r.Id, r.PlanId, r.CaseId, r.UnitId, r.IsManual }), "评查方案"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("人工增加评查案卷（注明理由，标记为人工增加，不参与抽取复核）");
}
