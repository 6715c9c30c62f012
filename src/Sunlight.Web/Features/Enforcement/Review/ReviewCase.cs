using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Review;

/// <summary>法制审核: the eight checks of the three systems, the outcome and the opinion.</summary>
internal sealed record ReviewInput(
    DateOnly? On, ReviewOutcome Outcome, string? Opinion,
    bool SubjectChecked, bool QualificationChecked, bool ProcedureChecked, bool FactsChecked,
    bool BasisChecked, bool PowerChecked, bool DocumentsChecked, bool CrimeTransferChecked, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }

    public bool AllChecked => SubjectChecked && QualificationChecked && ProcedureChecked && FactsChecked && BasisChecked && PowerChecked && DocumentsChecked && CrimeTransferChecked;
}

internal sealed class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public ReviewInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.On).NotNull().WithMessage("请填写审核日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("审核日期不能晚于今天");
        RuleFor(x => x.Outcome).IsInEnum().WithMessage("请选择审核意见");
        RuleFor(x => x.AllChecked).Equal(true).When(x => x.Outcome == ReviewOutcome.Approved)
            .WithMessage("审核意见为“同意”前，应逐项完成主体、资格、程序、事实证据、法律依据与裁量基准、职权、文书和是否移送的审核");
        RuleFor(x => x.Opinion).RequiredText("审核意见说明", CaseColumns.NoteLength).When(x => x.Outcome != ReviewOutcome.Approved);
        RuleFor(x => x.Opinion).OptionalText("审核意见说明", CaseColumns.NoteLength);
    }
}

/// <summary>
/// 法制审核 by the unit's legal reviewer: records the checks and the outcome (同意 / 补充调查 / 改正 / 移送). Only 同意
/// opens the 决定 step (P-REVIEW); a review after the decision, or after 同意, is refused (E-ORDER).
/// </summary>
internal sealed class ReviewCase(CaseWork work, IValidator<ReviewInput> validator) : UseCase<ReviewInput, EnforcementCase>(validator)
{
    protected override async Task<Outcome<EnforcementCase>> HandleAsync(ReviewInput input, CancellationToken ct)
    {
        var c = await work.LoadAsync(input.Id, input.Version, ct);
        if (c is null)
        {
            return Outcome<EnforcementCase>.Missing();
        }
        if (c.Has(MilestoneKind.Decided))
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.Order, "该案件已作出决定，不能再进行法制审核。");
        }
        if (c.LatestReview is { Outcome: ReviewOutcome.Approved })
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.Order, "法制审核已同意，不能重复审核。");
        }
        var on = input.On!.Value;
        if (!c.Has(MilestoneKind.LegalReviewRequested))
        {
            c.Record(MilestoneKind.LegalReviewRequested, on, null, work.Actor, work.Now);
        }
        c.Reviews.Add(new LegalReview
        {
            ReviewedOn = on, Reviewer = work.Actor, Outcome = input.Outcome, Opinion = string.IsNullOrWhiteSpace(input.Opinion) ? null : input.Opinion.Trim(),
            SubjectChecked = input.SubjectChecked, QualificationChecked = input.QualificationChecked, ProcedureChecked = input.ProcedureChecked,
            FactsChecked = input.FactsChecked, BasisChecked = input.BasisChecked, PowerChecked = input.PowerChecked,
            DocumentsChecked = input.DocumentsChecked, CrimeTransferChecked = input.CrimeTransferChecked,
        });
        if (input.Outcome == ReviewOutcome.Approved)
        {
            c.Record(MilestoneKind.LegalReview, on, "审核意见：同意", work.Actor, work.Now);
        }
        await work.CheckAndSaveAsync(c, ct);
        return c;
    }
}

internal static class ReviewEndpoint
{
    public static void MapReview(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/review", (long id, ReviewInput? input, ReviewCase review, CaseQueries q, CancellationToken ct) =>
                review.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await q.DetailAsync(c.Id, ct)), "案件"))
            .RequireAuthorization(EnforcementPolicies.Review).WithSummary("法制审核（本单位法制审核人员）：逐项审核并作出同意 / 补充调查 / 改正 / 移送");
}
