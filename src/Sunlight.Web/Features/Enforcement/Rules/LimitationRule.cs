namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-LIMITATION: no penalty for a violation not discovered (立案) within 2 years of when it happened or ended, 5 years
/// where it harmed life, health or financial security (thresholds). The start day is not counted; a period ending on a
/// holiday rolls to the next working day.
/// </summary>
internal sealed class LimitationRule : ILegalityRule
{
    public string Code => "P-LIMITATION";
    public string Title => "超过追责时效";
    public string Basis => "《行政处罚法》第三十六条";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.Kind != CaseKind.Penalty || c.ViolationOn is not { } violation || c.FiledOn is not { } filed)
        {
            return null;
        }
        var years = c.HarmsLifeOrProperty ? ctx.Thresholds.LimitationYearsHarm : ctx.Thresholds.LimitationYears;
        var end = violation.AddYears(years);
        var due = ctx.Calendar.AddNaturalDays(end, 0).Date;
        return filed > due ? new Finding($"违法行为终了于 {violation:yyyy-MM-dd}，{years} 年内（至 {due:yyyy-MM-dd}）未被发现，{filed:yyyy-MM-dd} 立案已超过追责时效。", due) : null;
    }
}
