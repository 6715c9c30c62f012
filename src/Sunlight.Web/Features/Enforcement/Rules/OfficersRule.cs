namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// P-OFFICERS: every investigation or inspection act (each 调查取证, or 立案 before any is recorded; a 当场 decision) is done by at
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
        var investigations = c.Milestones.Where(m => m.Kind == MilestoneKind.Investigated).OrderBy(m => m.On).ToList();
        foreach (var m in investigations)
        {
            yield return ("调查取证", m.On);
        }
        // Before any 调查取证 is recorded, the investigation or inspection starts at 立案.
        if (investigations.Count == 0 && !c.IsOnTheSpot && c.Kind is CaseKind.Penalty or CaseKind.Coercion or CaseKind.Inspection && c.FiledOn is { } filed)
        {
            yield return (c.Kind == CaseKind.Inspection ? "行政检查" : "立案调查", filed);
        }
        if (c.IsOnTheSpot && c.DateOf(MilestoneKind.Decided) is { } decided)
        {
            yield return ("当场作出决定", decided);
        }
    }
}
