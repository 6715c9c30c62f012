using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Register;

/// <summary>立案登记: the case's facts, its 立案 date and the officers acting on it (from the registry).</summary>
internal sealed record RegisterCaseInput(
    CaseKind Kind, string? Number, string? Title, DateOnly? FiledOn,
    PartyKind PartyKind, string? PartyName, string? PartyUscc,
    long? EnforcementItemId, string? ItemName, string? LegalBasis, string? Sector,
    decimal? FineAmount, decimal? ConfiscationAmount,
    bool IsOnTheSpot, bool IsHighRisk, bool IsSevereSanction, bool IsMajor, bool HarmsLifeOrProperty,
    DateOnly? ViolationOn, long[]? OfficerIds);

/// <summary>Amounts the register accepts: not negative, below a trillion yuan, in fen.</summary>
internal static class CaseAmounts
{
    public const decimal Max = 999_999_999_999m;

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule, string label) =>
        rule.Must(a => a is null || (a >= 0 && a <= Max && decimal.Round(a.Value, 2) == a.Value)).WithMessage($"{label}应为不小于 0 的金额（元，最多两位小数）");
}

internal sealed class RegisterCaseInputValidator : AbstractValidator<RegisterCaseInput>
{
    public const int MaxOfficers = 20;

    public RegisterCaseInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择执法行为类别");
        RuleFor(x => x.Number).RequiredText("案号", CaseColumns.NumberLength);
        RuleFor(x => x.Title).RequiredText("案由", CaseColumns.TitleLength);
        RuleFor(x => x.FiledOn).NotNull().WithMessage("请填写立案日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("立案日期不能晚于今天");
        RuleFor(x => x.PartyKind).IsInEnum().WithMessage("请选择当事人类型");
        RuleFor(x => x.PartyName).RequiredText("当事人名称", CaseColumns.PartyNameLength);
        RuleFor(x => x.PartyUscc).Must(u => Uscc.Validate(Uscc.Normalize(u)) is null)
            .WithMessage(x => Uscc.Validate(Uscc.Normalize(x.PartyUscc)) ?? "").When(x => x.PartyKind == PartyKind.Enterprise);
        RuleFor(x => x.PartyUscc).Empty().WithMessage("自然人当事人不填写统一社会信用代码").When(x => x.PartyKind == PartyKind.Person);
        RuleFor(x => x.ItemName).RequiredText("执法事项", CaseColumns.ItemNameLength).When(x => x.EnforcementItemId is null);
        RuleFor(x => x.ItemName).OptionalText("执法事项", CaseColumns.ItemNameLength);
        RuleFor(x => x.LegalBasis).RequiredText("法律依据", CaseColumns.LegalBasisLength).When(x => x.EnforcementItemId is null);
        RuleFor(x => x.LegalBasis).OptionalText("法律依据", CaseColumns.LegalBasisLength);
        RuleFor(x => x.Sector).OptionalText("行业领域", CaseColumns.SectorLength);
        RuleFor(x => x.FineAmount).Amount("罚款金额");
        RuleFor(x => x.ConfiscationAmount).Amount("没收金额");
        RuleFor(x => x.ViolationOn).Must((x, d) => d is null || x.FiledOn is null || d <= x.FiledOn).WithMessage("违法行为日期不能晚于立案日期");
        RuleFor(x => x.OfficerIds).Must(ids => ids is null || ids.Length <= MaxOfficers).WithMessage($"执法人员不能超过 {MaxOfficers} 名")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Length).WithMessage("执法人员不能重复");
    }
}

/// <summary>
/// 立案登记 by the unit: the case is created with its 立案 milestone and officers, and checked against every legality
/// rule in the same save (one officer → a P-OFFICERS warning; an officer of another unit or with an expired 执法证 → refused).
/// </summary>
internal sealed class RegisterCase(CaseWork work, IValidator<RegisterCaseInput> validator) : UseCase<RegisterCaseInput, EnforcementCase>(validator)
{
    public const string ItemRule = "E-ITEM";

    protected override async Task<Outcome<EnforcementCase>> HandleAsync(RegisterCaseInput input, CancellationToken ct)
    {
        var db = work.Db;
        var unitId = db.Scope.UnitId ?? throw new InvalidOperationException("立案登记只能由执法单位人员办理。");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var number = input.Number!.Trim();
        if (await db.IsTakenAsync<EnforcementCase>(c => c.UnitId == unitId && c.Number == number, ct))
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.NumberTaken, $"本单位已登记案号为“{number}”的案件。");
        }
        EnforcementItem? item = null;
        if (input.EnforcementItemId is { } itemId)
        {
            item = await db.EnforcementItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.UnitId == unitId, ct);
            if (item is null)
            {
                return Outcome<EnforcementCase>.Refused(ItemRule, "执法事项不在本单位的权责清单中。");
            }
        }
        var filedOn = input.FiledOn!.Value;
        var officers = await work.OfficersForAsync(unitId, input.OfficerIds ?? [], filedOn, ct);
        var c = new EnforcementCase
        {
            RegionCode = unit.RegionCode, UnitId = unitId, Kind = input.Kind, Number = number, Title = input.Title!.Trim(),
            Sector = Blank(input.Sector), PartyKind = input.PartyKind, PartyName = input.PartyName!.Trim(),
            PartyUscc = input.PartyKind == PartyKind.Enterprise ? Uscc.Normalize(input.PartyUscc) : null,
            EnforcementItemId = item?.Id, ItemName = Blank(input.ItemName) ?? item!.Name, LegalBasis = Blank(input.LegalBasis) ?? item!.LegalBasis,
            FineAmount = input.FineAmount, ConfiscationAmount = input.ConfiscationAmount,
            IsOnTheSpot = input.IsOnTheSpot, IsHighRisk = input.IsHighRisk, IsSevereSanction = input.IsSevereSanction, IsMajor = input.IsMajor,
            HarmsLifeOrProperty = input.HarmsLifeOrProperty, ViolationOn = input.ViolationOn,
            ActCode = EnforcementCase.NewActCode(), CreatedAt = work.Now,
        };
        c.Record(MilestoneKind.Filed, filedOn, null, work.Actor, work.Now);
        CaseWork.AddOfficers(c, officers);
        db.EnforcementCases.Add(c);
        await work.CheckAndSaveAsync(c, ct);
        return c;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class RegisterEndpoint
{
    public static void MapRegister(this RouteGroupBuilder cases) =>
        cases.MapPost("/", (RegisterCaseInput? input, RegisterCase register, CaseQueries q, CancellationToken ct) =>
                register.RunAsync(input, ct).ToHttpAsync(async c => TypedResults.Created($"/api/v1/cases/{c.Id}", await q.DetailAsync(c.Id, ct)), "案件"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("立案登记（执法单位）：保存时即按全部合法性规则检查，违反规则的生成预警");
}
