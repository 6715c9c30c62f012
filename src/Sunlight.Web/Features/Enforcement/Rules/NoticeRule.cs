namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-NOTICE: no penalty decision (ordinary procedure) before the written notice of facts, reasons, basis and the rights
/// to 陈述、申辩 (and 听证) has been served. The 决定 step refuses it (a gate); the rule still reports records that came
/// in another way (import, history).
/// </summary>
internal sealed class NoticeRule : ILegalityRule
{
    public string Code => "P-NOTICE";
    public string Title => "作出处罚决定前未履行告知程序";
    public string Basis => "《行政处罚法》第四十四条、第四十五条、第六十二条";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        if (!CaseFacts.IsOrdinaryPenalty(c) || c.DateOf(MilestoneKind.Decided) is not { } decided)
        {
            return null;
        }
        return c.DateOf(MilestoneKind.Notified) is { } notified && notified <= decided
            ? null
            : new Finding($"处罚决定（{decided:yyyy-MM-dd}）作出前未送达行政处罚事先告知书。");
    }

    /// <summary>The gate on the 决定 step: the same fact, refused before it is recorded.</summary>
    public static bool Blocks(EnforcementCase c) => CaseFacts.IsOrdinaryPenalty(c) && !c.Has(MilestoneKind.Notified);
}
