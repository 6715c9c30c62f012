using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Revoked Wed 2026-09-30: 3 WD = (国庆 10/1–7), 10/8, 10/9, 10/10 (make-up Saturday).</summary>
public sealed class WithdrawalRuleTests
{
    private readonly WithdrawalRule _rule = new();

    private static EnforcementCase Revoked(DateOnly? withdrawn, DateOnly? published = null)
    {
        var c = Case(filed: new DateOnly(2026, 8, 3));
        c.PublishedOn = published ?? new DateOnly(2026, 9, 10);
        c.DecisionRevokedOn = new DateOnly(2026, 9, 30);
        c.WithdrawnOn = withdrawn;
        return c;
    }

    [Fact]
    public void WithdrawnOnTheMakeUpSaturday_Holds() => Assert.Null(_rule.Check(Revoked(new DateOnly(2026, 10, 10)), Context(new DateOnly(2026, 10, 12))));

    [Fact]
    public void WithdrawnTheNextMonday_Breaks() =>
        Assert.Equal(new DateOnly(2026, 10, 10), _rule.Check(Revoked(new DateOnly(2026, 10, 12)), Context(new DateOnly(2026, 10, 12)))!.DueOn);

    [Fact]
    public void NotPublished_NothingToWithdraw()
    {
        var c = Revoked(null);
        c.PublishedOn = null;
        Assert.Null(_rule.Check(c, Context(new DateOnly(2026, 11, 1))));
    }
}
