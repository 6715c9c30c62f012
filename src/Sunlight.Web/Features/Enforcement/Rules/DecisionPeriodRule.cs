namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-90DAYS: a penalty (ordinary procedure) is decided within 90 days of 立案 (per sector: the thresholds), plus approved
/// extensions, not counting appraisal time nor the time from the hearing request to the hearing. A natural-day period
/// ending on a holiday rolls to the next working day.
/// </summary>
internal sealed class DecisionPeriodRule : ILegalityRule
{
    public string Code => "P-90DAYS";
    public string Title => "超过办案期限作出处罚决定";
    public string Basis => "《行政处罚法》第六十条";
    public RuleSeverity Severity => RuleSeverity.Warning;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (!CaseFacts.IsOrdinaryPenalty(c) || c.FiledOn is not { } filed)
        {
            return null;
        }
        var due = Due(c, filed, ctx);
        var decided = c.DateOf(MilestoneKind.Decided);
        var days = decided is { } d ? d.DayNumber - filed.DayNumber : ctx.Today.DayNumber - filed.DayNumber;
        return ctx.Deadline(due, decided,
            decided is null ? $"立案 {filed:yyyy-MM-dd} 后已 {days} 日仍未作出决定，期限为 {due:yyyy-MM-dd}。" : $"立案 {filed:yyyy-MM-dd} 后第 {days} 日才作出决定，超过期限 {due:yyyy-MM-dd}。",
            $"办案期限将于 {due:yyyy-MM-dd} 届满，尚未作出决定。");
    }

    public static DateOnly Due(EnforcementCase c, DateOnly filed, RuleContext ctx)
    {
        var days = ctx.Thresholds.DecisionDays + c.Extensions.Sum(e => e.Days);
        if (c.DateOf(MilestoneKind.HearingRequested) is { } requested && c.DateOf(MilestoneKind.Hearing) is { } held)
        {
            days += held.DayNumber - requested.DayNumber;
        }
        return ctx.Calendar.AddNaturalDays(filed, days).Date;
    }
}
