using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Problems;

/// <summary>The pages render for the roles that may open them and refuse the others (the loop itself is a browser test).</summary>
public sealed class ProblemPagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Theory]
    [InlineData("/Problems")]
    [InlineData("/Problems?Overdue=true")]
    [InlineData("/Problems/Raise")]
    [InlineData("/Problems/Reconcile")]
    [InlineData("/Problems/Import")]
    [InlineData("/Problems/Categories")]
    [InlineData("/Escalations")]
    public async Task Supervisor_OpensEveryLedgerPage(string url)
    {
        using var client = await app.LoginWithCookieAsync("supervisor");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("阳光执法监督平台", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitStaff_SeesOwnTasks_AnotherUnitsProblemIs404_BureauPagesRefused()
    {
        using var client = await app.LoginWithCookieAsync("unit03");
        var html = await client.GetStringAsync("/Problems");
        Assert.Contains("我的待办", html, StringComparison.Ordinal);
        var foreign = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code != "U03").Select(p => p.Number).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Problems/Details?no={foreign}")).StatusCode);
        var own = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code == "U03").Select(p => p.Number).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Problems/Details?no={own}")).StatusCode);
        foreach (var url in new[] { "/Problems/Import", "/Problems/Categories" })
        {
            var response = await client.GetAsync(url);
            await HttpAssert.ErrorPage(response, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Observer_SeesEscalationPage_WithoutTheRecordForm()
    {
        using var client = await app.LoginWithCookieAsync("observer");
        var html = await client.GetStringAsync("/Escalations");
        Assert.DoesNotContain("对执法单位记录约谈", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Problems/Reconcile")).StatusCode);
    }
}
