namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// S-WITHDRAW: a published decision that is changed or revoked is withdrawn from publication within 3 days (working
/// days: a 3-day period of 行政处罚法, Art. 85) with an explanation.
/// </summary>
internal sealed class WithdrawalRule : ILegalityRule
{
    public string Code => "S-WITHDRAW";
    public string Title => "变更、撤销的决定未及时撤回公示";
    public string Basis => "《行政处罚法》第四十八条、第八十五条";
    public RuleSeverity Severity => RuleSeverity.Warning;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.PublishedOn is null || c.DecisionRevokedOn is not { } revoked)
        {
            return null;
        }
        var due = ctx.Calendar.AddWorkingDays(revoked, ctx.Thresholds.WithdrawalDays).Date;
        return ctx.Deadline(due, c.WithdrawnOn,
            $"决定于 {revoked:yyyy-MM-dd} 变更或撤销，应于 {due:yyyy-MM-dd} 前撤回公示，{(c.WithdrawnOn is { } w ? $"{w:yyyy-MM-dd} 才撤回" : "至今未撤回")}。",
            $"已变更或撤销的决定应于 {due:yyyy-MM-dd} 前撤回公示。");
    }
}
