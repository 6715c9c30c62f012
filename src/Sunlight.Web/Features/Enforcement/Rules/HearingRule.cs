namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-HEARING: where hearing rights apply (large fine or confiscation per the unit's/sector's thresholds, or a severe
/// sanction), the party may ask for a hearing within 5 working days of the notice: a decision inside that window without
/// the party's answer, or despite a request without the hearing held, breaks the rule.
/// </summary>
internal sealed class HearingRule : ILegalityRule
{
    public string Code => "P-HEARING";
    public string Title => "未保障当事人听证权利";
    public string Basis => "《行政处罚法》第六十三条、第六十四条";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (!CaseFacts.HasHearingRights(c, ctx.Thresholds) || c.DateOf(MilestoneKind.Notified) is not { } notified)
        {
            return null;
        }
        var decided = c.DateOf(MilestoneKind.Decided);
        if (c.Has(MilestoneKind.HearingRequested))
        {
            return decided is { } d && c.DateOf(MilestoneKind.Hearing) is not { } held
                ? new Finding($"当事人已申请听证，未举行听证即于 {d:yyyy-MM-dd} 作出决定。")
                : null;
        }
        var window = ctx.Calendar.AddWorkingDays(notified, ctx.Thresholds.HearingRequestWorkingDays).Date;
        return decided is { } early && early <= window
            ? new Finding($"告知后第 {ctx.Thresholds.HearingRequestWorkingDays} 个工作日（{window:yyyy-MM-dd}）听证申请期届满前即于 {early:yyyy-MM-dd} 作出决定。", window)
            : null;
    }
}
