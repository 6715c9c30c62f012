using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>立案 2026-07-03: day 90 is 10/1 (国庆), rolled to the first working day, Thu 2026-10-08.</summary>
public sealed class DecisionPeriodRuleTests
{
    private static readonly DateOnly Filed = new(2026, 7, 3);
    private readonly DecisionPeriodRule _rule = new();

    private static EnforcementCase Filed0() => Case(filed: Filed).With(MilestoneKind.Notified, Filed.AddDays(30));

    [Fact]
    public void DecidedOnTheRolledLastDay_Holds() =>
        Assert.Null(_rule.Check(Filed0().With(MilestoneKind.Decided, new DateOnly(2026, 10, 8)), Context(new DateOnly(2026, 10, 9))));

    [Fact]
    public void DecidedTheDayAfter_Breaks()
    {
        var finding = _rule.Check(Filed0().With(MilestoneKind.Decided, new DateOnly(2026, 10, 9)), Context(new DateOnly(2026, 10, 9)));
        Assert.NotNull(finding);
        Assert.Equal(new DateOnly(2026, 10, 8), finding.DueOn);
        Assert.False(finding.IsApproaching);
    }

    [Fact]
    public void ApprovedExtension_MovesTheDeadline()
    {
        var c = Filed0().With(MilestoneKind.Decided, new DateOnly(2026, 10, 20));
        c.Extensions.Add(new CaseExtension { Kind = ExtensionKind.Extension, Days = 30, Reason = "案情复杂，经负责人批准延长" });
        Assert.Null(_rule.Check(c, Context(new DateOnly(2026, 10, 20))));
    }

    [Fact]
    public void HearingTime_IsNotCounted()
    {
        // 90 days + the 14 days from request to hearing: Thu 2026-10-15.
        EnforcementCase Decided(DateOnly on) => Case(filed: Filed, fine: 200_000m).With(MilestoneKind.Notified, Filed.AddDays(30))
            .With(MilestoneKind.HearingRequested, new DateOnly(2026, 8, 10)).With(MilestoneKind.Hearing, new DateOnly(2026, 8, 24))
            .With(MilestoneKind.Decided, on);
        Assert.Null(_rule.Check(Decided(new DateOnly(2026, 10, 15)), Context(new DateOnly(2026, 10, 16))));
        Assert.Equal(new DateOnly(2026, 10, 15), _rule.Check(Decided(new DateOnly(2026, 10, 16)), Context(new DateOnly(2026, 10, 16)))!.DueOn);
    }

    [Fact]
    public void Undecided_ThreeWorkingDaysBefore_IsApproaching_FourIsNot()
    {
        // Working days before 10/8: 9/29, 9/30, (国庆), 10/8 — from 9/29 there are 2; from 9/28 there are 3; from 9/25 (Fri), 9/27 is no make-up in 2026: 4.
        Assert.True(_rule.Check(Filed0(), Context(new DateOnly(2026, 9, 28)))!.IsApproaching);
        Assert.Null(_rule.Check(Filed0(), Context(new DateOnly(2026, 9, 25))));
        Assert.False(_rule.Check(Filed0(), Context(new DateOnly(2026, 10, 9)))!.IsApproaching);
    }

    [Fact]
    public void OnTheSpot_HasNoPeriod()
    {
        var c = Case(filed: Filed);
        c.IsOnTheSpot = true;
        Assert.Null(_rule.Check(c, Context(new DateOnly(2026, 12, 1))));
    }
}
