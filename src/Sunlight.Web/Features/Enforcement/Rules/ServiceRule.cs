namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-SERVE: the decision is served on the spot or within 7 days — working days, as 行政处罚法 Art. 85 counts its 7-day
/// periods; a 当场 decision the same day.
/// </summary>
internal sealed class ServiceRule : ILegalityRule
{
    public string Code => "P-SERVE";
    public string Title => "处罚决定书未按期送达";
    public string Basis => "《行政处罚法》第六十一条、第八十五条";
    public RuleSeverity Severity => RuleSeverity.Warning;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.Kind != CaseKind.Penalty || c.DateOf(MilestoneKind.Decided) is not { } decided)
        {
            return null;
        }
        var due = c.IsOnTheSpot ? decided : ctx.Calendar.AddWorkingDays(decided, ctx.Thresholds.ServeDays).Date;
        var served = c.DateOf(MilestoneKind.Served);
        return ctx.Deadline(due, served,
            served is { } s ? $"决定 {decided:yyyy-MM-dd} 作出，{s:yyyy-MM-dd} 才送达，超过送达期限 {due:yyyy-MM-dd}。" : $"决定 {decided:yyyy-MM-dd} 作出，至今未送达，送达期限为 {due:yyyy-MM-dd}。",
            $"处罚决定书应于 {due:yyyy-MM-dd} 前送达。");
    }
}
