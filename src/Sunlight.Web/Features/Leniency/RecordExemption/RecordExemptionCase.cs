using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.AddItem;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Features.Leniency.FirstViolation;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.RecordExemption;

/// <summary>登记免罚案件: the list item, the enterprise, the facts, each condition confirmed, the education given and the correction deadline.</summary>
internal sealed record ExemptionInput(long ListItemId, string? Uscc, string? EnterpriseName, string? Facts, DateOnly? ViolationOn,
    IReadOnlyList<long>? ConfirmedConditions, string? Education, DateOnly? CorrectionDeadline, string? Officer = null);

internal sealed class ExemptionInputValidator : AbstractValidator<ExemptionInput>
{
    public ExemptionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.ListItemId).GreaterThan(0).WithMessage("请选择清单事项");
        RuleFor(x => x.Uscc).Custom((code, context) =>
        {
            if (Uscc.Validate(code) is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(x => x.EnterpriseName).RequiredText("企业名称", LeniencyColumns.EnterpriseNameLength);
        RuleFor(x => x.Facts).RequiredText("违法事实", LeniencyColumns.FactsLength);
        RuleFor(x => x.Education).RequiredText("教育情况", LeniencyColumns.EducationLength);
        RuleFor(x => x.Officer).OptionalText("承办人", LeniencyColumns.PersonLength);
        RuleFor(x => x.ViolationOn).NotNull().WithMessage("请填写违法行为发生日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("违法行为发生日期不能晚于今天");
        RuleFor(x => x.CorrectionDeadline).NotNull().WithMessage("请填写整改期限")
            .Must(d => d is null || d > ChinaTime.Today(clock)).WithMessage("整改期限必须晚于今天");
        RuleFor(x => x.ConfirmedConditions).Must(c => c is null || c.Count <= AddItemInputValidator.MaxConditions).WithMessage("确认的适用条件过多");
    }
}

/// <summary>
/// Records an exemption under an item of the unit's approved no-penalty list: the item must be in force (L-LIST), every
/// condition confirmed (L-CONDITIONS), and the first-violation check passed (P-FIRST, naming the earlier case).
/// </summary>
internal sealed class RecordExemptionCase(SunlightDbContext db, FirstViolationCheck check, TimeProvider clock, IValidator<ExemptionInput> validator)
    : UseCase<ExemptionInput, ExemptionCase>(validator)
{
    public const string ListRule = "L-LIST";

    protected override async Task<Outcome<ExemptionCase>> HandleAsync(ExemptionInput input, CancellationToken ct)
    {
        var unit = await db.OwnUnitAsync(ct);
        if (unit is null)
        {
            return Outcome<ExemptionCase>.Missing();
        }
        var item = await db.Set<ListItem>().AsNoTracking().Include(i => i.List).Include(i => i.Conditions).FirstOrDefaultAsync(i => i.Id == input.ListItemId, ct);
        if (item is null || item.List!.State != ListState.Approved || !LeniencyNames.IsExemption(item.List.Kind))
        {
            return Outcome<ExemptionCase>.Refused(ListRule, "所选事项不在本单位已批准的不予处罚（首违不罚、轻微违法免罚）清单上。");
        }
        var confirmed = (input.ConfirmedConditions ?? []).ToHashSet();
        var missing = item.Conditions.Where(c => !confirmed.Contains(c.Id)).OrderBy(c => c.Order).Select(c => c.Text).ToList();
        if (missing.Count > 0 || confirmed.Any(id => item.Conditions.All(c => c.Id != id)))
        {
            return Outcome<ExemptionCase>.Refused(AddListItem.ConditionsRule,
                missing.Count > 0 ? $"以下适用条件未确认：{string.Join("；", missing)}。每项条件均须确认符合方可免罚。" : "确认的条件不属于所选事项。");
        }
        var uscc = Uscc.Normalize(input.Uscc);
        var result = await check.CheckAsync(unit.Id, unit.RegionCode, uscc, item.Name, null, ct);
        if (result.Earlier is { } earlier)
        {
            return Outcome<ExemptionCase>.Refused(FirstViolationCheck.Rule,
                $"该企业在 {result.WindowMonths} 个月内已有同一事项的违法记录：{earlier.Text}，不属于首次违法，不能免罚。");
        }
        var today = ChinaTime.Today(clock);
        var seq = await db.Set<ExemptionCase>().CountAsync(e => e.UnitId == unit.Id && e.DecidedOn >= new DateOnly(today.Year, 1, 1) && e.DecidedOn <= new DateOnly(today.Year, 12, 31), ct) + 1;
        var exemption = new ExemptionCase
        {
            RegionCode = unit.RegionCode, UnitId = unit.Id, Number = $"免罚〔{today.Year}〕{seq}号", ListItemId = item.Id, Kind = item.List.Kind,
            ItemName = item.Name, LegalBasis = item.LegalBasis, Uscc = uscc, EnterpriseName = input.EnterpriseName!.Trim(), Facts = input.Facts!.Trim(),
            ViolationOn = input.ViolationOn!.Value, DecidedOn = today, Education = input.Education!.Trim(), CorrectionDeadline = input.CorrectionDeadline!.Value,
            State = PledgeState.Pending, Officer = string.IsNullOrWhiteSpace(input.Officer) ? db.Scope.ActorName : input.Officer.Trim(), CreatedAt = clock.GetUtcNow(),
            Conditions = item.Conditions.OrderBy(c => c.Order).Select(c => new ExemptionCondition { Order = c.Order, Text = c.Text }).ToList(),
        };
        db.Set<ExemptionCase>().Add(exemption);
        await db.SaveChangesAsync(ct);
        return exemption;
    }
}

internal static class RecordExemptionEndpoint
{
    public static void MapRecordExemption(this RouteGroupBuilder g) =>
        g.MapPost("/exemptions", (ExemptionInput? input, RecordExemptionCase step, ExemptionQueries q, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(async e => TypedResults.Ok((await q.DetailAsync(e.Id, ct))!), "免罚案件"))
            .RequireAuthorization(LeniencyPolicies.Manage)
            .WithSummary("登记免罚案件（首违认定：本单位期限内同一企业同一事项无违法记录，否则 409 P-FIRST 并写明在先案件；每项适用条件均须确认，否则 409 L-CONDITIONS）");
}
