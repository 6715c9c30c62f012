using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Decided Thu 2026-02-12: 7 WD across 春节 = 2/13, 2/14 (make-up Saturday), (2/15–23), 2/24, 2/25, 2/26, 2/27, 2/28 (make-up Saturday).</summary>
public sealed class ServiceRuleTests
{
    private static readonly DateOnly Decided = new(2026, 2, 12);
    private readonly ServiceRule _rule = new();

    private static EnforcementCase DecidedCase() =>
        Case(filed: new DateOnly(2026, 1, 5)).With(MilestoneKind.Notified, new DateOnly(2026, 1, 20)).With(MilestoneKind.Decided, Decided);

    [Fact]
    public void ServedOnTheSeventhWorkingDay_AMakeUpSaturday_Holds() =>
        Assert.Null(_rule.Check(DecidedCase().With(MilestoneKind.Served, new DateOnly(2026, 2, 28)), Context(new DateOnly(2026, 3, 5))));

    [Fact]
    public void ServedTheNextWorkingDay_Breaks()
    {
        var finding = _rule.Check(DecidedCase().With(MilestoneKind.Served, new DateOnly(2026, 3, 2)), Context(new DateOnly(2026, 3, 5)));
        Assert.Equal(new DateOnly(2026, 2, 28), finding!.DueOn);
    }

    [Fact]
    public void NotServed_DuringTheHoliday_IsApproaching_AfterTheDue_Breaks()
    {
        Assert.True(_rule.Check(DecidedCase(), Context(new DateOnly(2026, 2, 25)))!.IsApproaching);
        Assert.Null(_rule.Check(DecidedCase(), Context(new DateOnly(2026, 2, 13))));
        Assert.False(_rule.Check(DecidedCase(), Context(new DateOnly(2026, 3, 1)))!.IsApproaching);
    }

    [Fact]
    public void OnTheSpot_IsServedTheSameDay()
    {
        var c = Case(filed: Decided, fine: 100m);
        c.IsOnTheSpot = true;
        c.With(MilestoneKind.Decided, Decided).With(MilestoneKind.Served, Decided.AddDays(1));
        Assert.NotNull(_rule.Check(c, Context(Decided.AddDays(1))));
    }
}
