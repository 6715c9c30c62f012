using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Notice on Tue 2026-09-29: 5 WD = 9/30, (国庆 10/1–7), 10/8, 10/9, 10/10 (make-up Saturday), 10/12.</summary>
public sealed class HearingRuleTests
{
    private static readonly DateOnly Notified = new(2026, 9, 29);
    private readonly HearingRule _rule = new();

    private static EnforcementCase Noticed(decimal fine, PartyKind party = PartyKind.Enterprise) =>
        Case(filed: new DateOnly(2026, 9, 1), fine: fine, party: party).With(MilestoneKind.Notified, Notified);

    [Fact]
    public void DecisionOnTheLastDayOfTheWindow_AcrossNationalDay_Breaks()
    {
        var finding = _rule.Check(Noticed(100_000m).With(MilestoneKind.Decided, new DateOnly(2026, 10, 12)), Context(new DateOnly(2026, 10, 20)));
        Assert.NotNull(finding);
        Assert.Equal(new DateOnly(2026, 10, 12), finding.DueOn);
        Assert.Contains("第 5 个工作日", finding.Message);
    }

    [Fact]
    public void DecisionTheDayAfterTheWindow_Holds() =>
        Assert.Null(_rule.Check(Noticed(100_000m).With(MilestoneKind.Decided, new DateOnly(2026, 10, 13)), Context(new DateOnly(2026, 10, 20))));

    [Fact]
    public void FineJustBelowTheOrganisationThreshold_HasNoHearingRights() =>
        Assert.Null(_rule.Check(Noticed(99_999.99m).With(MilestoneKind.Decided, new DateOnly(2026, 9, 30)), Context(new DateOnly(2026, 10, 20))));

    [Fact]
    public void PersonThreshold_10000_Applies() =>
        Assert.NotNull(_rule.Check(Noticed(10_000m, PartyKind.Person).With(MilestoneKind.Decided, new DateOnly(2026, 9, 30)), Context(new DateOnly(2026, 10, 20))));

    [Fact]
    public void UnitThresholdAsData_LowersTheAmount()
    {
        var unit = new LegalityThresholds { HearingFineOrganisation = 50_000m };
        var c = Noticed(50_000m).With(MilestoneKind.Decided, new DateOnly(2026, 9, 30));
        Assert.Null(_rule.Check(c, Context(new DateOnly(2026, 10, 20))));
        Assert.NotNull(_rule.Check(c, Context(new DateOnly(2026, 10, 20), unit)));
    }

    [Fact]
    public void RequestedButNotHeld_Breaks_HeldHolds()
    {
        var requested = Noticed(200_000m).With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 30));
        Assert.Null(_rule.Check(requested, Context(new DateOnly(2026, 10, 20))));
        var decided = Noticed(200_000m).With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 30)).With(MilestoneKind.Decided, new DateOnly(2026, 10, 20));
        Assert.Contains("未举行听证", _rule.Check(decided, Context(new DateOnly(2026, 10, 20)))!.Message);
        var held = Noticed(200_000m).With(MilestoneKind.HearingRequested, new DateOnly(2026, 9, 30)).With(MilestoneKind.Hearing, new DateOnly(2026, 10, 15))
            .With(MilestoneKind.Decided, new DateOnly(2026, 10, 20));
        Assert.Null(_rule.Check(held, Context(new DateOnly(2026, 10, 20))));
    }
}
