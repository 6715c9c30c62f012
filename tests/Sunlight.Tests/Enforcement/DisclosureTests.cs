using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>公示 (Features/Enforcement/Disclosure): publish, revoke, withdraw with a reason; S-PUBLISH and S-WITHDRAW on save.</summary>
public sealed class DisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<(HttpClient Unit, long Id, DateOnly Decided)> DecidedAsync(string number, int decidedDaysAgo)
    {
        var filed = Today(app).AddDays(-decidedDaysAgo - 30);
        var unit = await app.ClientFor("unit08");
        var id = (await RegisterAsync(unit, Penalty(number, filed, (await QualifiedOfficers(app, "unit08", filed)).Take(2)))).GetProperty("id").GetInt64();
        await MilestoneAsync(unit, id, "Notified", filed.AddDays(10));
        var decided = Today(app).AddDays(-decidedDaysAgo);
        await MilestoneAsync(unit, id, "Decided", decided);
        return (unit, id, decided);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/disclosure")]
    public async Task PublishLate_OpensPublishWarning_WithdrawalStoredWithReason()
    {
        var (unit, id, decided) = await DecidedAsync("公示-1", 30);
        using (unit)
        {
            Assert.Contains("S-PUBLISH", OpenRules(await MilestoneAsync(unit, id, "Served", decided.AddDays(1))));
            var response = await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var again = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app) }), HttpStatusCode.Conflict);
            Assert.Equal("E-DISCLOSURE", again.GetProperty("rule").GetString());

            var noReason = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Withdraw", on = Today(app) }), HttpStatusCode.BadRequest);
            Assert.Equal("请填写撤回说明", noReason.GetProperty("errors").GetProperty("reason")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Revoke", on = Today(app) })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Withdraw", on = Today(app), reason = "决定已被复议撤销" })).StatusCode);
        }
        var stored = await StoredAsync(app, id);
        Assert.Equal(Today(app), stored.PublishedOn);
        Assert.Equal(Today(app), stored.WithdrawnOn);
        Assert.Equal("决定已被复议撤销", stored.WithdrawalReason);
        var publish = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.CaseId == id && w.Rule == "S-PUBLISH"));
        Assert.Equal(WarningState.Open, publish.State);
        Assert.Contains("才公示", publish.Message);
        // Registering the revocation opened the 3-WD withdrawal deadline (临期); withdrawing the same day resolved it.
        var withdraw = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.CaseId == id && w.Rule == "S-WITHDRAW"));
        Assert.True(withdraw.IsApproaching);
        Assert.Equal(WarningState.Resolved, withdraw.State);

        using var other = await app.ClientFor("unit09");
        await HttpAssert.Problem(await other.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app) }), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app) }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PublishBeforeTheDecision_Returns409_FutureDate400()
    {
        var filed = Today(app).AddDays(-5);
        using var unit = await app.ClientFor("unit08");
        var id = (await RegisterAsync(unit, Penalty("公示-2", filed, []))).GetProperty("id").GetInt64();
        var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app) }), HttpStatusCode.Conflict);
        Assert.Equal("E-DISCLOSURE", body.GetProperty("rule").GetString());
        body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = Today(app).AddDays(1) }), HttpStatusCode.BadRequest);
        Assert.Equal("日期不能晚于今天", body.GetProperty("errors").GetProperty("on")[0].GetString());
        Assert.Null((await StoredAsync(app, id)).PublishedOn);
    }
}
