using System.Net;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>The work home (工作台) lists a unit's own open warnings and the Supervisor's board by unit.</summary>
public sealed class EnforcementWorkItemsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task UnitSeesItsOwnWarning_OtherUnitDoesNot_SupervisorSeesTheBoardByUnit()
    {
        var filed = Today(app).AddDays(-3);
        var number = $"台〔{filed.Year}〕{Guid.NewGuid():N}"[..30];
        await RegisterAsync(await app.ClientFor("unit02"), Penalty(number, filed, (await QualifiedOfficers(app, "unit02", filed)).Take(1)));

        var own = await HomeOf("unit02");
        Assert.Contains(number, own, StringComparison.Ordinal);
        Assert.Contains("P-OFFICERS 纠正或说明", own, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await HomeOf("unit05"), StringComparison.Ordinal);

        var board = await HomeOf("supervisor");
        Assert.Contains("条待处理预警：排除或转为问题", board, StringComparison.Ordinal);
        Assert.DoesNotContain(number, board, StringComparison.Ordinal);
    }

    private async Task<string> HomeOf(string userName)
    {
        using var client = await app.LoginWithCookieAsync(userName);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
