using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

public sealed class NoticeRuleTests
{
    private static readonly DateOnly Filed = new(2026, 3, 2);
    private readonly NoticeRule _rule = new();

    [Fact]
    public void NoticeServedTheDayOfTheDecision_Holds() =>
        Assert.Null(_rule.Check(Case(filed: Filed).With(MilestoneKind.Notified, Filed.AddDays(10)).With(MilestoneKind.Decided, Filed.AddDays(10)), Context(Filed.AddDays(20))));

    [Fact]
    public void DecisionWithoutNotice_Breaks_AndBlocksTheStep()
    {
        var c = Case(filed: Filed);
        Assert.True(NoticeRule.Blocks(c));
        c.With(MilestoneKind.Decided, Filed.AddDays(10));
        Assert.Contains("告知书", _rule.Check(c, Context(Filed.AddDays(20)))!.Message);
    }

    [Fact]
    public void OnTheSpotPenalty_NeedsNoNotice()
    {
        var c = Case(filed: Filed);
        c.IsOnTheSpot = true;
        Assert.False(NoticeRule.Blocks(c));
        Assert.Null(_rule.Check(c.With(MilestoneKind.Decided, Filed), Context(Filed)));
    }

    [Fact]
    public void Licensing_IsNotAPenalty_Holds() =>
        Assert.Null(_rule.Check(Case(CaseKind.Licensing, Filed).With(MilestoneKind.Decided, Filed.AddDays(3)), Context(Filed.AddDays(3))));
}
