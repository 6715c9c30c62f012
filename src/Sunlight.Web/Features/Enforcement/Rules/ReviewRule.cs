namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-REVIEW: a decision that needs 法制审核 (重大执法决定, after a hearing, a severe sanction, or the 审核目录's amount)
/// is made only after a review whose outcome is 同意. The 决定 step refuses it (a gate); the rule reports records that
/// came in another way.
/// </summary>
internal sealed class ReviewRule : ILegalityRule
{
    public string Code => "P-REVIEW";
    public string Title => "重大执法决定未经法制审核或审核未通过";
    public string Basis => "《行政处罚法》第五十八条；国办发〔2018〕118号";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (!CaseFacts.NeedsLegalReview(c, ctx.Thresholds) || c.DateOf(MilestoneKind.Decided) is not { } decided)
        {
            return null;
        }
        var review = c.Reviews.Where(r => r.ReviewedOn <= decided).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).FirstOrDefault();
        return review switch
        {
            null => new Finding($"应当法制审核的决定（{decided:yyyy-MM-dd}）作出前未经法制审核。"),
            { Outcome: not ReviewOutcome.Approved } => new Finding($"法制审核意见为“{EnforcementNames.Outcome(review.Outcome)}”，未经同意即作出决定（{decided:yyyy-MM-dd}）。"),
            _ => null,
        };
    }

    /// <summary>The gate on the 决定 step.</summary>
    public static bool Blocks(EnforcementCase c, LegalityThresholds t) => CaseFacts.NeedsLegalReview(c, t) && !CaseFacts.ReviewApproved(c);
}
