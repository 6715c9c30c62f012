using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>
/// Hearing notice on Tue 2026-09-29: 7 WD = 9/30, (国庆 10/1–7), 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13, 10/14 —
/// the earliest lawful hearing day is 10/14.
/// </summary>
public sealed class HearingNoticeRuleTests
{
    private static readonly DateOnly Notified = new(2026, 9, 29);
    private readonly HearingNoticeRule _rule = new();

    private static EnforcementCase HeldOn(DateOnly held) =>
        Case(filed: new DateOnly(2026, 9, 1), fine: 200_000m).With(MilestoneKind.Notified, new DateOnly(2026, 9, 20))
            .With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 25)).With(MilestoneKind.HearingNotified, Notified).With(MilestoneKind.Hearing, held);

    [Fact]
    public void HearingOnTheSeventhWorkingDay_AcrossNationalDayAndItsMakeUpSaturday_Holds() =>
        Assert.Null(_rule.Check(HeldOn(new DateOnly(2026, 10, 14)), Context(new DateOnly(2026, 10, 20))));

    [Fact]
    public void HearingOnTheSixthWorkingDay_Breaks()
    {
        var finding = _rule.Check(HeldOn(new DateOnly(2026, 10, 13)), Context(new DateOnly(2026, 10, 20)));
        Assert.NotNull(finding);
        Assert.Equal(new DateOnly(2026, 10, 14), finding.DueOn);
        Assert.Contains("不足 7 个工作日", finding.Message);
    }

    [Fact]
    public void HearingWithoutARecordedNotice_Breaks()
    {
        var c = Case(filed: new DateOnly(2026, 9, 1), fine: 200_000m).With(MilestoneKind.Notified, new DateOnly(2026, 9, 20))
            .With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 25)).With(MilestoneKind.Hearing, new DateOnly(2026, 10, 20));
        Assert.Contains("未记录听证通知", _rule.Check(c, Context(new DateOnly(2026, 10, 20)))!.Message);
    }

    [Fact]
    public void NoHearingHeldYet_NothingToCheck() =>
        Assert.Null(_rule.Check(Case(filed: new DateOnly(2026, 9, 1), fine: 200_000m).With(MilestoneKind.Notified, new DateOnly(2026, 9, 20))
            .With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 25)).With(MilestoneKind.HearingNotified, Notified), Context(new DateOnly(2026, 10, 2))));
}
