using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Plans;

/// <summary>报备年度检查计划: the year, items from the unit's published list, target enterprises or a count, the months.</summary>
internal sealed record PlanInput(int Year, string? Title, long[]? ItemIds, int[]? Months, long[]? TargetEnterpriseIds = null, int TargetCount = 0);

internal sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Year).InclusiveBetween(ChinaTime.Today(clock).Year, ChinaTime.Today(clock).Year + 1).WithMessage("计划年度须为今年或明年");
        RuleFor(x => x.Title).RequiredText("计划名称", InspectionColumns.TitleLength);
        RuleFor(x => x.ItemIds).Must(i => i is { Length: > 0 and <= 100 }).WithMessage("请选择检查事项（1 至 100 项）");
        RuleFor(x => x.Months).Must(m => m is { Length: > 0 } && m.All(v => v is >= 1 and <= 12)).WithMessage("请选择检查月份（1 至 12 月）");
        RuleFor(x => x.TargetCount).InclusiveBetween(0, 100_000).WithMessage("计划检查企业数须在 0 至 100000 之间");
        RuleFor(x => x.TargetEnterpriseIds).Must(t => t is null || t.Length <= 1000).WithMessage("目标企业至多 1000 家");
        RuleFor(x => x).Must(x => x.TargetCount > 0 || x.TargetEnterpriseIds is { Length: > 0 }).WithName("targetCount").WithMessage("请填写目标企业或计划检查企业数");
    }
}

internal sealed class FilePlan(SunlightDbContext db, TimeProvider clock, IValidator<PlanInput> validator) : UseCase<PlanInput, InspectionPlan>(validator)
{
    protected override async Task<Outcome<InspectionPlan>> HandleAsync(PlanInput input, CancellationToken ct)
    {
        if (db.Scope.UnitId is not { } unitId)
        {
            return Outcome<InspectionPlan>.Refused(InspectionRules.State, "只有执法单位人员可以报备检查计划。");
        }
        var itemIds = input.ItemIds!.Distinct().ToList();
        if (await db.InspectionItems.CountAsync(i => i.UnitId == unitId && itemIds.Contains(i.Id), ct) != itemIds.Count)
        {
            return Outcome<InspectionPlan>.Refused(InspectionRules.Items, "计划中的检查事项不在本单位公布的检查事项清单内。");
        }
        var targets = (input.TargetEnterpriseIds ?? []).Distinct().ToList();
        if (targets.Count > 0 && await db.Enterprises.CountAsync(e => targets.Contains(e.Id), ct) != targets.Count)
        {
            return Outcome<InspectionPlan>.Refused(InspectionRules.Enterprise, "计划中的目标企业不存在。");
        }
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var plan = new InspectionPlan
        {
            RegionCode = unit.RegionCode, UnitId = unitId, Year = input.Year, Title = input.Title!.Trim(), ItemIds = itemIds,
            TargetEnterpriseIds = targets, TargetCount = Math.Max(input.TargetCount, targets.Count), Months = input.Months!.Distinct().Order().ToList(),
            FiledAt = clock.GetUtcNow(), FiledBy = db.Scope.ActorName,
        };
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

internal static class FilePlanEndpoint
{
    public static void MapFilePlan(this RouteGroupBuilder inspections)
    {
        inspections.MapPost("/plans", (PlanInput? input, FilePlan file, CancellationToken ct) =>
                file.RunAsync(input, ct).ToHttpAsync(p => TypedResults.Created($"/api/v1/inspections/plans/{p.Id}", p), "检查计划"))
            .RequireAuthorization(InspectionPolicies.Conduct).WithSummary("报备年度检查计划");
        inspections.MapGet("/plans", (int? year, long? after, int? limit, SunlightDbContext db, CancellationToken ct) =>
                db.Set<InspectionPlan>().AsNoTracking().Where(p => year == null || p.Year == year).KeysetAsync(p => p.Id, true, after, limit, p => p, p => p.Id, ct))
            .RequireAuthorization(InspectionPolicies.Read).WithSummary("年度检查计划（执法单位仅本单位）");
    }
}
