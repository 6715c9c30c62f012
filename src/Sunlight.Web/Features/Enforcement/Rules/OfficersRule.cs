namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-OFFICERS: every investigation or inspection act (调查取证; an inspection's 立案 date; a 当场 decision) is done by at
/// least two officers, each holding a 执法证 valid on that date; auxiliary staff never count.
/// </summary>
internal sealed class OfficersRule : ILegalityRule
{
    public const int Minimum = 2;
    public string Code => "P-OFFICERS";
    public string Title => "执法人员不少于两人且持有效执法证";
    public string Basis => "《行政处罚法》第四十二条；国办发〔2024〕54号";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx)
    {
        foreach (var (act, on) in Acts(c))
        {
            var qualified = c.Officers.Count(o => o.Officer is { IsAuxiliary: false } officer && officer.Credentials.Any(k => k.IsValidOn(on)));
            if (qualified < Minimum)
            {
                return new Finding($"{act}（{on:yyyy-MM-dd}）持有效执法证的执法人员仅 {qualified} 名，至少应为 {Minimum} 名（辅助人员不计入）。");
            }
        }
        return null;
    }

    private static IEnumerable<(string Act, DateOnly On)> Acts(EnforcementCase c)
    {
        foreach (var m in c.Milestones.Where(m => m.Kind == MilestoneKind.Investigated).OrderBy(m => m.On))
        {
            yield return ("调查取证", m.On);
        }
        if (c.Kind == CaseKind.Inspection && c.FiledOn is { } inspected)
        {
            yield return ("行政检查", inspected);
        }
        if (c.IsOnTheSpot && c.DateOf(MilestoneKind.Decided) is { } decided)
        {
            yield return ("当场作出决定", decided);
        }
    }
}
