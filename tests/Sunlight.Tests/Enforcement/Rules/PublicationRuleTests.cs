using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Decided Fri 2025-09-26: 7 WD = 9/28 (make-up Sunday), 9/29, 9/30, (国庆 10/1–8), 10/9, 10/10, 10/11 (make-up Saturday), 10/13.</summary>
public sealed class PublicationRuleTests
{
    private static readonly DateOnly Decided = new(2025, 9, 26);
    private readonly PublicationRule _rule = new();

    private static EnforcementCase DecidedCase(CaseKind kind = CaseKind.Penalty, DateOnly? published = null)
    {
        var c = Case(kind, new DateOnly(2025, 9, 1)).With(MilestoneKind.Notified, new DateOnly(2025, 9, 10)).With(MilestoneKind.Decided, Decided);
        c.PublishedOn = published;
        return c;
    }

    [Fact]
    public void PublishedOnTheSeventhWorkingDay_Holds() =>
        Assert.Null(_rule.Check(DecidedCase(published: new DateOnly(2025, 10, 13)), Context(new DateOnly(2025, 10, 20))));

    [Fact]
    public void PublishedTheDayAfter_Breaks() =>
        Assert.Equal(new DateOnly(2025, 10, 13), _rule.Check(DecidedCase(published: new DateOnly(2025, 10, 14)), Context(new DateOnly(2025, 10, 20)))!.DueOn);

    [Fact]
    public void OtherDecisions_Have20WorkingDays()
    {
        var due = _rule.Check(DecidedCase(CaseKind.Coercion), Context(new DateOnly(2026, 1, 1)))!.DueOn;
        Assert.Equal(Calendar.AddWorkingDays(Decided, 20).Date, due);
        Assert.Equal(new DateOnly(2025, 10, 30), due);
    }

    [Fact]
    public void NotPublished_ApproachingThreeWorkingDaysBefore_NotFour()
    {
        // From 10/9: 10/10, 10/11 (make-up), 10/13 = 3 working days; from 10/8 (国庆) also 10/9 = 4.
        Assert.True(_rule.Check(DecidedCase(), Context(new DateOnly(2025, 10, 9)))!.IsApproaching);
        Assert.Null(_rule.Check(DecidedCase(), Context(new DateOnly(2025, 10, 8))));
        Assert.False(_rule.Check(DecidedCase(), Context(new DateOnly(2025, 10, 14)))!.IsApproaching);
    }
}
