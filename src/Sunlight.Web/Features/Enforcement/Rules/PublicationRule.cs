namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// 公示 (S-PUBLISH): 行政许可 and 行政处罚 decisions are published within 7 working days, other decisions within 20
/// (thresholds); 当场 decisions are not published.
/// </summary>
internal sealed class PublicationRule : ILegalityRule
{
    public string Code => "S-PUBLISH";
    public string Title => "执法决定未按期公示";
    public string Basis => "国办发〔2018〕118号；《行政处罚法》第四十八条";
    public RuleSeverity Severity => RuleSeverity.Warning;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.IsOnTheSpot || c.Kind == CaseKind.Inspection || c.DateOf(MilestoneKind.Decided) is not { } decided)
        {
            return null;
        }
        var days = c.Kind is CaseKind.Penalty or CaseKind.Licensing ? ctx.Thresholds.DisclosureWorkingDays : ctx.Thresholds.OtherDisclosureWorkingDays;
        var due = ctx.Calendar.AddWorkingDays(decided, days).Date;
        return ctx.Deadline(due, c.PublishedOn,
            c.PublishedOn is { } p ? $"决定 {decided:yyyy-MM-dd} 作出，{p:yyyy-MM-dd} 才公示，超过 {days} 个工作日（{due:yyyy-MM-dd}）。" : $"决定 {decided:yyyy-MM-dd} 作出，超过 {days} 个工作日（{due:yyyy-MM-dd}）仍未公示。",
            $"决定应于 {due:yyyy-MM-dd} 前公示（{days} 个工作日）。");
    }
}
