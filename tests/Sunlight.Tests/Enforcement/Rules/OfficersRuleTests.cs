using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

public sealed class OfficersRuleTests
{
    private static readonly DateOnly Act = new(2026, 3, 10);
    private readonly OfficersRule _rule = new();

    private static EnforcementCase Investigated() => Case(filed: Act.AddDays(-5)).With(MilestoneKind.Investigated, Act);

    [Fact]
    public void TwoOfficers_CredentialEndingOnTheActDay_Holds() =>
        Assert.Null(_rule.Check(Investigated().WithOfficer(Act.AddYears(-1), Act).WithOfficer(Act, Act.AddYears(1)), Context(Act)));

    [Fact]
    public void CredentialEndedTheDayBefore_Counts0ForThatOfficer_Breaks()
    {
        var finding = _rule.Check(Investigated().WithOfficer(Act.AddYears(-1), Act.AddDays(-1)).WithOfficer(Act, Act.AddYears(1)), Context(Act));
        Assert.NotNull(finding);
        Assert.Contains("仅 1 名", finding.Message);
    }

    [Fact]
    public void OneOfficerAndAnAuxiliary_Breaks() =>
        Assert.NotNull(_rule.Check(Investigated().WithOfficer(Act.AddYears(-1), Act.AddYears(1)).WithOfficer(Act, Act, auxiliary: true), Context(Act)));

    [Fact]
    public void BeforeAnyInvestigation_TheFilingDayCounts()
    {
        Assert.Contains("立案调查（2026-03-10）", _rule.Check(Case(filed: Act).WithOfficer(Act, Act.AddYears(1)), Context(Act))!.Message);
        Assert.Null(_rule.Check(Case(filed: Act).WithOfficer(Act, Act.AddYears(1)).WithOfficer(Act, Act), Context(Act)));
    }

    [Fact]
    public void Licensing_IsNotAnInvestigation() =>
        Assert.Null(_rule.Check(Case(CaseKind.Licensing, Act).WithOfficer(Act, Act.AddYears(1)), Context(Act)));

    [Fact]
    public void InspectionWithOneOfficer_BreaksOnItsDate()
    {
        var inspection = Case(CaseKind.Inspection, Act).WithOfficer(Act, Act.AddYears(1));
        Assert.Contains("行政检查（2026-03-10）", _rule.Check(inspection, Context(Act))!.Message);
    }
}
