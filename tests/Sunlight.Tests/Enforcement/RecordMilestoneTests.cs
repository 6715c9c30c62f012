using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>记录办案环节 (Features/Enforcement/RecordMilestone): order, dates, the P-NOTICE gate, checks on save, scope.</summary>
public sealed class RecordMilestoneTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<(HttpClient Unit, long Id, DateOnly Filed)> CaseAsync(string number, int daysAgo = 120, decimal fine = 5000m)
    {
        var filed = Today(app).AddDays(-daysAgo);
        var unit = await app.ClientFor("unit02");
        var officers = (await QualifiedOfficers(app, "unit02", filed)).Take(2);
        var dto = await RegisterAsync(unit, Penalty(number, filed, officers, fine));
        return (unit, dto.GetProperty("id").GetInt64(), filed);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/milestones")]
    public async Task Record_Notice_StoresMilestone_AndAudits_OtherUnit404_Supervisor403()
    {
        var (unit, id, filed) = await CaseAsync("环节-1");
        using (unit)
        {
            var detail = await MilestoneAsync(unit, id, "Notified", filed.AddDays(20));
            Assert.Equal("Notified", detail.GetProperty("stage").GetString());
        }
        var stored = await StoredAsync(app, id);
        Assert.Contains(stored.Milestones, m => m.Kind == MilestoneKind.Notified && m.On == filed.AddDays(20));
        Assert.Equal(MilestoneKind.Notified, stored.Stage);
        Assert.True(await app.Db(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(CaseMilestone) && e.Action == "Create" && e.After!.Contains("Notified"))));

        using var other = await app.ClientFor("unit03");
        await HttpAssert.Problem(await other.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Served", on = Today(app) }), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Served", on = Today(app) }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Record_Tomorrow_Returns400_NothingStored()
    {
        var (unit, id, _) = await CaseAsync("环节-2");
        using (unit)
        {
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Investigated", on = Today(app).AddDays(1) }), HttpStatusCode.BadRequest);
            Assert.Equal("日期不能晚于今天", body.GetProperty("errors").GetProperty("on")[0].GetString());
        }
        Assert.Single((await StoredAsync(app, id)).Milestones);
    }

    [Fact]
    public async Task Record_OutOfOrder_Returns409_EOrder()
    {
        var (unit, id, filed) = await CaseAsync("环节-3");
        using (unit)
        {
            await MilestoneAsync(unit, id, "Notified", filed.AddDays(20));
            // 调查取证 dated after the recorded 告知.
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Investigated", on = filed.AddDays(21) }), HttpStatusCode.Conflict);
            Assert.Equal("E-ORDER", body.GetProperty("rule").GetString());
            Assert.Contains("顺序", body.GetProperty("detail").GetString());
            // 送达 before any 决定.
            body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Served", on = filed.AddDays(22) }), HttpStatusCode.Conflict);
            Assert.Equal("E-ORDER", body.GetProperty("rule").GetString());
            // A date before 立案.
            body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Investigated", on = filed.AddDays(-1) }), HttpStatusCode.Conflict);
            Assert.Equal("E-ORDER", body.GetProperty("rule").GetString());
        }
        Assert.Equal(2, (await StoredAsync(app, id)).Milestones.Count);
    }

    [Fact]
    public async Task Record_DecisionWithoutNotice_Returns409_PNotice_ThenAllowedAfterNotice()
    {
        var (unit, id, filed) = await CaseAsync("环节-4");
        using (unit)
        {
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Decided", on = filed.AddDays(30) }), HttpStatusCode.Conflict);
            Assert.Equal("P-NOTICE", body.GetProperty("rule").GetString());
            Assert.Contains("告知", body.GetProperty("detail").GetString());
            await MilestoneAsync(unit, id, "Notified", filed.AddDays(20));
            await MilestoneAsync(unit, id, "Decided", filed.AddDays(30));
        }
        Assert.Equal(MilestoneKind.Decided, (await StoredAsync(app, id)).Stage);
    }

    [Fact]
    public async Task Record_Decision95DaysAfterFiling_Opens90DaysWarning()
    {
        var (unit, id, filed) = await CaseAsync("环节-5", daysAgo: 100);
        using (unit)
        {
            await MilestoneAsync(unit, id, "Notified", filed.AddDays(60));
            var detail = await MilestoneAsync(unit, id, "Decided", filed.AddDays(95));
            Assert.Contains("P-90DAYS", OpenRules(detail));
        }
        var w = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(x => x.CaseId == id && x.Rule == "P-90DAYS"));
        Assert.False(w.IsApproaching);
        Assert.Contains("第 95 日", w.Message);
    }

    [Fact]
    public async Task Record_OfficerOfAnotherUnit_Returns409()
    {
        var (unit, id, filed) = await CaseAsync("环节-6");
        var stranger = (await QualifiedOfficers(app, "unit05", filed.AddDays(3)))[0];
        using (unit)
        {
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Investigated", on = filed.AddDays(3), officerIds = new[] { stranger } }), HttpStatusCode.Conflict);
            Assert.Equal("E-OFFICER", body.GetProperty("rule").GetString());
        }
    }
}
