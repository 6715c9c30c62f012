using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Violation ended 2024-03-01: two years end Sun 2026-03-01, rolled to Mon 2026-03-02.</summary>
public sealed class LimitationRuleTests
{
    private static readonly DateOnly Violation = new(2024, 3, 1);
    private readonly LimitationRule _rule = new();

    private static EnforcementCase FiledOn(DateOnly filed, bool harm = false)
    {
        var c = Case(filed: filed);
        c.ViolationOn = Violation;
        c.HarmsLifeOrProperty = harm;
        return c;
    }

    [Fact]
    public void FiledOnTheRolledLastDay_Holds() => Assert.Null(_rule.Check(FiledOn(new DateOnly(2026, 3, 2)), Context(new DateOnly(2026, 3, 2))));

    [Fact]
    public void FiledTheDayAfter_Breaks() =>
        Assert.Equal(new DateOnly(2026, 3, 2), _rule.Check(FiledOn(new DateOnly(2026, 3, 3)), Context(new DateOnly(2026, 3, 3)))!.DueOn);

    [Fact]
    public void HarmToLifeOrProperty_FiveYears() => Assert.Null(_rule.Check(FiledOn(new DateOnly(2026, 3, 3), harm: true), Context(new DateOnly(2026, 3, 3))));

    [Fact]
    public void WithoutAViolationDate_NotChecked() => Assert.Null(_rule.Check(Case(filed: new DateOnly(2026, 3, 3)), Context(new DateOnly(2026, 3, 3))));
}
