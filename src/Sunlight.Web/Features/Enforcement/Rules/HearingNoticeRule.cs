namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-HEARING-NOTICE: the party is told the hearing's time and place at least 7 working days before it is held
/// (domain-rules.md P-HEARING: "hearing notice 7 WD before"). A hearing held without a recorded 听证通知, or sooner than 7
/// working days after it, breaks the rule; while the hearing is ahead, the earliest lawful hearing day is its due date.
/// </summary>
internal sealed class HearingNoticeRule : ILegalityRule
{
    public const int NoticeWorkingDays = 7;
    public string Code => "P-HEARING-NOTICE";
    public string Title => "听证通知未提前七个工作日送达";
    public string Basis => "《行政处罚法》第六十四条第（二）项";
    public RuleSeverity Severity => RuleSeverity.Warning;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (c.DateOf(MilestoneKind.Hearing) is not { } held)
        {
            return null;
        }
        if (c.DateOf(MilestoneKind.HearingNotified) is not { } notified)
        {
            return new Finding($"{held:yyyy-MM-dd} 举行听证，未记录听证通知。");
        }
        var earliest = ctx.Calendar.AddWorkingDays(notified, NoticeWorkingDays).Date;
        return held < earliest
            ? new Finding($"{notified:yyyy-MM-dd} 通知听证，{held:yyyy-MM-dd} 即举行听证，不足 {NoticeWorkingDays} 个工作日（最早 {earliest:yyyy-MM-dd}）。", earliest)
            : null;
    }
}
