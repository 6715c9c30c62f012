using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.RecordMilestone;

/// <summary>A milestone of the case (调查取证, 告知, 决定, 送达 …) on a date, with the officers who acted (optional).</summary>
internal sealed record RecordMilestoneInput(MilestoneKind Kind, DateOnly? On, string? Note = null, long[]? OfficerIds = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class RecordMilestoneInputValidator : AbstractValidator<RecordMilestoneInput>
{
    public RecordMilestoneInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择办案环节")
            .NotEqual(MilestoneKind.Filed).WithMessage("立案在登记案件时记录")
            .NotEqual(MilestoneKind.LegalReview).WithMessage("法制审核结论由法制审核人员在“法制审核”中记录");
        RuleFor(x => x.On).NotNull().WithMessage("请填写日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("日期不能晚于今天");
        RuleFor(x => x.Note).OptionalText("说明", CaseColumns.NoteLength);
        RuleFor(x => x.OfficerIds).Must(ids => ids is null || ids.Length <= Register.RegisterCaseInputValidator.MaxOfficers)
            .WithMessage($"执法人员不能超过 {Register.RegisterCaseInputValidator.MaxOfficers} 名");
    }
}

/// <summary>
/// Records a milestone in legal order (E-ORDER). The 决定 is refused while the law makes it a gate: a penalty by the
/// ordinary procedure without 告知 (P-NOTICE), and a decision needing 法制审核 without the outcome 同意 (P-REVIEW).
/// Every other rule is checked on the save and becomes a warning.
/// </summary>
internal sealed class RecordCaseMilestone(CaseWork work, IValidator<RecordMilestoneInput> validator) : UseCase<RecordMilestoneInput, EnforcementCase>(validator)
{
    protected override async Task<Outcome<EnforcementCase>> HandleAsync(RecordMilestoneInput input, CancellationToken ct)
    {
        var c = await work.LoadAsync(input.Id, input.Version, ct);
        if (c is null)
        {
            return Outcome<EnforcementCase>.Missing();
        }
        var on = input.On!.Value;
        if (input.Kind == MilestoneKind.Decided)
        {
            if (NoticeRule.Blocks(c))
            {
                return Outcome<EnforcementCase>.Refused("P-NOTICE", "未送达行政处罚事先告知书，不能作出处罚决定（P-NOTICE，《行政处罚法》第四十四条、第六十二条）。");
            }
            var thresholds = (await ThresholdBook.LoadAsync(work.Db, ct)).For(c.UnitId, c.Sector);
            if (ReviewRule.Blocks(c, thresholds))
            {
                var latest = c.LatestReview;
                return Outcome<EnforcementCase>.Refused("P-REVIEW", latest is null
                    ? "该决定应当经法制审核，法制审核意见为“同意”前不能作出决定（P-REVIEW，《行政处罚法》第五十八条）。"
                    : $"法制审核意见为“{EnforcementNames.Outcome(latest.Outcome)}”，审核同意前不能作出决定（P-REVIEW，《行政处罚法》第五十八条）。");
            }
        }
        var officers = await work.OfficersForAsync(c.UnitId, input.OfficerIds ?? [], on, ct);
        c.Record(input.Kind, on, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), work.Actor, work.Now);
        CaseWork.AddOfficers(c, officers);
        await work.CheckAndSaveAsync(c, ct);
        return c;
    }
}

internal static class RecordMilestoneEndpoint
{
    public static void MapRecordMilestone(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/milestones", (long id, RecordMilestoneInput? input, RecordCaseMilestone record, CaseQueries q, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await q.DetailAsync(c.Id, ct)), "案件"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("记录办案环节（按法定顺序；未告知、未经法制审核同意不能作出决定）");
}
