using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Register;

/// <summary>
/// 登记检查: the enterprise, type (日常/专项 from a filed plan, 个案 with its trigger, 非执法走访), mode, visit date, items
/// from the unit's published list, at least two officers; a visit already made is 补录 (≤ 10 days, with a reason).
/// Cap, quiet-list and overlap warnings refuse the save until <see cref="ConfirmWarnings"/> says the staff read them.
/// </summary>
internal sealed record RegisterInput(long EnterpriseId, InspectionType Type, InspectionMode Mode, DateOnly VisitDate, string? Purpose,
    long[]? ItemIds = null, long[]? OfficerIds = null, long? PlanId = null, string? Trigger = null, string? BackfillReason = null, bool ConfirmWarnings = false);

internal sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public RegisterInputValidator(TimeProvider clock, InspectionSettings settings)
    {
        RuleFor(x => x.EnterpriseId).GreaterThan(0).WithMessage("请选择被检查企业");
        RuleFor(x => x.Type).IsInEnum().WithMessage("检查类型无效");
        RuleFor(x => x.Mode).IsInEnum().WithMessage("检查方式无效");
        RuleFor(x => x.Purpose).RequiredText("检查事由", InspectionColumns.TextLength);
        RuleFor(x => x.Trigger).OptionalText("检查起因", InspectionColumns.TextLength);
        RuleFor(x => x.Trigger).NotEmpty().When(x => x.Type == InspectionType.CaseDriven).WithMessage("个案检查须写明检查起因（投诉举报、转办交办、依申请等）");
        RuleFor(x => x.PlanId).NotNull().When(x => x.Type is InspectionType.Routine or InspectionType.Special)
            .WithMessage("日常检查、专项检查须来自已报备的年度检查计划");
        RuleFor(x => x.VisitDate).Must(d => d >= ChinaTime.Today(clock).AddDays(-settings.BackfillDays))
            .WithMessage($"检查结束后补录不得超过 {settings.BackfillDays} 个自然日")
            .Must(d => d <= ChinaTime.Today(clock).AddYears(1)).WithMessage("检查日期不得晚于一年以后");
        RuleFor(x => x.BackfillReason).OptionalText("补录理由", InspectionColumns.TextLength);
        RuleFor(x => x.BackfillReason).NotEmpty().When(x => x.VisitDate < ChinaTime.Today(clock)).WithMessage("检查日期已过，补录须说明理由");
        RuleFor(x => x.ItemIds).Must(i => i is { Length: > 0 and <= 50 }).When(x => x.Type != InspectionType.Visit)
            .WithMessage("请选择检查事项（1 至 50 项）");
        RuleFor(x => x.OfficerIds).Must(o => o is not null && o.Distinct().Count() >= 2 && o.Length <= 20).When(x => x.Type != InspectionType.Visit)
            .WithMessage("检查须由两名以上执法人员实施（至多 20 人）");
    }
}

internal sealed class RegisterInspection(SunlightDbContext db, InspectionChecks checks, ProblemLedger ledger, TimeProvider clock, IValidator<RegisterInput> validator)
    : UseCase<RegisterInput, Inspection>(validator)
{
    protected override async Task<Outcome<Inspection>> HandleAsync(RegisterInput input, CancellationToken ct)
    {
        if (db.Scope.UnitId is not { } unitId)
        {
            return Outcome<Inspection>.Refused(InspectionRules.State, "只有执法单位人员可以登记检查。");
        }
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EnterpriseId, ct);
        if (enterprise is null)
        {
            return Outcome<Inspection>.Refused(InspectionRules.Enterprise, "被检查企业不存在。");
        }
        if (input.PlanId is { } planId && !await db.Set<InspectionPlan>().AnyAsync(p => p.Id == planId && p.Year == input.VisitDate.Year, ct))
        {
            return Outcome<Inspection>.Refused(InspectionRules.Plan, "所选检查计划不存在、未报备或不是检查当年的计划。");
        }
        var itemIds = (input.ItemIds ?? []).Distinct().ToList();
        var published = await db.InspectionItems.Where(i => i.UnitId == unitId && itemIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        if (published.Count != itemIds.Count)
        {
            return Outcome<Inspection>.Refused(InspectionRules.Items, "检查事项不在本单位公布的检查事项清单内，不得检查。");
        }
        var officerIds = (input.OfficerIds ?? []).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Include(o => o.Credentials).Where(o => o.UnitId == unitId && officerIds.Contains(o.Id)).ToListAsync(ct);
        var unqualified = officerIds.Where(id => officers.FirstOrDefault(o => o.Id == id) is not { } o || !o.IsQualifiedOn(input.VisitDate)).ToList();
        if (input.Type != InspectionType.Visit && officerIds.Count - unqualified.Count < 2)
        {
            var names = string.Join("、", officers.Where(o => unqualified.Contains(o.Id)).Select(o => o.IsAuxiliary ? $"{o.Name}（辅助人员）" : $"{o.Name}（执法证无效）"));
            return Outcome<Inspection>.Refused(InspectionRules.Officers,
                $"检查日持有有效执法证的执法人员不足两名（辅助人员不计入）{(names.Length > 0 ? "：" + names : "")}。");
        }

        var warnings = await checks.WarningsAsync(enterprise, unitId, input.Type, input.VisitDate, ct);
        if (warnings.Count > 0 && !input.ConfirmWarnings)
        {
            return Outcome<Inspection>.Refused(warnings[0].Rule, string.Join(" ", warnings.Select(w => w.Text)) + " 确认仍需检查的，请勾选“已知悉上述预警”后再登记。");
        }

        var today = ChinaTime.Today(clock);
        var inspection = new Inspection
        {
            RegionCode = enterprise.RegionCode, UnitId = unitId, EnterpriseId = enterprise.Id, PlanId = input.PlanId,
            Type = input.Type, Trigger = Clean(input.Trigger), Purpose = input.Purpose!.Trim(), Mode = input.Mode, VisitDate = input.VisitDate,
            ItemIds = itemIds, OfficerIds = officerIds, State = InspectionState.Registered, RegisteredAt = clock.GetUtcNow(),
            RegisteredBy = db.Scope.ActorName, IsBackfill = input.VisitDate < today, BackfillReason = Clean(input.BackfillReason),
            Warnings = warnings.Select(w => w.Rule).Distinct().ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(inspection);
        await db.SaveChangesAsync(ct);
        if (warnings.Count > 0)
        {
            await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.Warning, nameof(Inspection), inspection.Id, unitId, InspectionText.ProblemCategory,
                ProblemSeverity.Minor, $"{enterprise.Name} {input.VisitDate:yyyy-MM-dd} 检查登记预警：{string.Join(" ", warnings.Select(w => w.Text))}",
                today, db.Scope.ActorName), ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return inspection;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class RegisterEndpoint
{
    public static void MapRegister(this RouteGroupBuilder inspections) =>
        inspections.MapPost("/", (RegisterInput? input, RegisterInspection register, InspectionQueries q, CancellationToken ct) =>
                register.RunAsync(input, ct).ToHttpAsync(async i => TypedResults.Created($"/api/v1/inspections/{i.Id}", await q.ToDtoAsync(i, ct)), "检查"))
            .RequireAuthorization(InspectionPolicies.Conduct)
            .WithSummary("登记检查（P-OFFICERS 两名以上持证人员；I-ITEMS 公布事项；I-CAP/I-QUIET/I-OVERLAP 预警须确认；补录不超过 10 日）");
}
