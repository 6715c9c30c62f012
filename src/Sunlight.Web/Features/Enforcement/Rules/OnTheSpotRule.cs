namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>P-ONSPOT: 当场处罚 only up to ¥200 for a citizen, ¥3,000 for an organisation (thresholds), or a warning; never a confiscation.</summary>
internal sealed class OnTheSpotRule : ILegalityRule
{
    public string Code => "P-ONSPOT";
    public string Title => "当场处罚超出法定限额";
    public string Basis => "《行政处罚法》第五十一条";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.Kind != CaseKind.Penalty || !c.IsOnTheSpot)
        {
            return null;
        }
        var limit = ctx.Thresholds.OnTheSpotLimit(c.PartyKind);
        if (c.FineAmount > limit)
        {
            return new Finding($"当场处罚罚款 {c.FineAmount:0.##} 元，超过{EnforcementNames.Party(c.PartyKind)}当场处罚限额 {limit:0.##} 元，应适用普通程序。");
        }
        return c.ConfiscationAmount > 0 ? new Finding("当场处罚不得没收违法所得或非法财物，应适用普通程序。") : null;
    }
}
