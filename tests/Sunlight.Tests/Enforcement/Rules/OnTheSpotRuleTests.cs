using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using static Sunlight.Tests.Enforcement.Rules.RuleKit;

namespace Sunlight.Tests.Enforcement.Rules;

public sealed class OnTheSpotRuleTests
{
    private static readonly DateOnly Day = new(2026, 5, 12);
    private readonly OnTheSpotRule _rule = new();

    private static EnforcementCase Spot(decimal fine, PartyKind party)
    {
        var c = Case(filed: Day, fine: fine, party: party);
        c.IsOnTheSpot = true;
        return c;
    }

    [Theory]
    [InlineData(200, true, false)]
    [InlineData(200.01, true, true)]
    [InlineData(3000, false, false)]
    [InlineData(3000.01, false, true)]
    public void Limits(decimal fine, bool person, bool breaks) =>
        Assert.Equal(breaks, _rule.Check(Spot(fine, person ? PartyKind.Person : PartyKind.Enterprise), Context(Day)) is not null);

    [Fact]
    public void Confiscation_OnTheSpot_Breaks()
    {
        var c = Spot(100, PartyKind.Person);
        c.ConfiscationAmount = 50;
        Assert.Contains("没收", _rule.Check(c, Context(Day))!.Message);
    }

    [Fact]
    public void OrdinaryProcedure_IsNotChecked() =>
        Assert.Null(_rule.Check(Case(filed: Day, fine: 50_000m), Context(Day)));
}
