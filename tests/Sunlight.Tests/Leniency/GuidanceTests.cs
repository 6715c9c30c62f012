using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Jobs;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>行政指导: records, an enterprise's request answered within 5 WD with reminders and 督办, the figures.</summary>
public sealed class GuidanceTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/leniency/guidance/records")]
    [ScopeCovered("GET /api/v1/leniency/guidance/records")]
    public async Task Record_StoresEveryField_AndAudit_LimitsAndScope()
    {
        using var unit05 = await app.ClientFor("unit05");
        var matter = new string('导', LeniencyColumns.MatterLength);
        var uscc = NewUscc();
        var dto = await Json(await unit05.PostJson("/api/v1/leniency/guidance/records", new
        {
            targetName = "青禾建筑工程有限公司", targetUscc = uscc, matter, form = GuidanceForm.Interview, basis = "建设工程质量管理条例",
            on = ChinaTime.Today(app.Clock), officer = "张伟", accepted = true, result = "企业已完善质量管理制度",
        }));
        var id = dto.GetProperty("id").GetInt64();
        var stored = await app.Db(db => db.Set<GuidanceRecord>().SingleAsync(r => r.Id == id));
        Assert.Equal(matter, stored.Matter);
        Assert.Equal(GuidanceForm.Interview, stored.Form);
        Assert.Equal(uscc, stored.TargetUscc);
        Assert.True(stored.Accepted);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == nameof(GuidanceRecord) && a.EntityId == id.ToString()));
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(nameof(GuidanceForm.Interview), after.RootElement.GetProperty("Form").GetString());
        }
        var bad = await HttpAssert.Problem(await unit05.PostJson("/api/v1/leniency/guidance/records", new
        {
            targetName = "x", matter = matter + "导", form = "Scold", on = ChinaTime.Today(app.Clock).AddDays(1), officer = "",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        var bad2 = await HttpAssert.Problem(await unit05.PostJson("/api/v1/leniency/guidance/records", new
        {
            targetName = "x", matter = matter + "导", form = GuidanceForm.Advice, on = ChinaTime.Today(app.Clock).AddDays(1), officer = "",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", bad2.GetProperty("errors").GetProperty("matter")[0].GetString());
        Assert.Equal("指导日期不能晚于今天", bad2.GetProperty("errors").GetProperty("on")[0].GetString());
        Assert.Equal("请填写指导人员", bad2.GetProperty("errors").GetProperty("officer")[0].GetString());

        using var unit01 = await app.ClientFor("unit01");
        var page = await Json(await unit01.GetAsync("/api/v1/leniency/guidance/records?limit=200"));
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/leniency/guidance/records", new { targetName = "x", matter = "y", form = GuidanceForm.Advice, on = ChinaTime.Today(app.Clock), officer = "z" }), HttpStatusCode.Forbidden);
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/leniency/guidance/records"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/leniency/guidance/requests")]
    [ScopeCovered("GET /api/v1/leniency/guidance/requests")]
    [ScopeCovered("POST /api/v1/leniency/guidance/requests/{id:long}/answer")]
    public async Task Request_ByEnterprise_DueInFiveWorkingDays_RemindedAndSupervised_AnsweredOnce()
    {
        var unit04 = await UnitIdOf(app, "unit04");
        using var enterprise = await app.ClientFor("enterprise");
        var dto = await Json(await enterprise.PostJson("/api/v1/leniency/guidance/requests", new { unitId = unit04, matter = "用地手续如何合规办理", contact = "13800000000" }));
        var id = dto.GetProperty("id").GetInt64();
        var stored = await app.Db(db => db.Set<GuidanceRequest>().SingleAsync(r => r.Id == id));
        var calendar = app.Services.GetRequiredService<Sunlight.Web.Infrastructure.Calendar.WorkingCalendar>();
        Assert.Equal(calendar.AddWorkingDays(ChinaTime.Today(app.Clock), 5).Date, stored.DueOn);
        Assert.Equal(RequestState.Open, stored.State);
        Assert.Equal("L-UNIT", (await HttpAssert.Problem(await enterprise.PostJson("/api/v1/leniency/guidance/requests", new { unitId = 999999, matter = "x", contact = "y" }), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
        var mine = await Json(await enterprise.GetAsync("/api/v1/leniency/guidance/requests"));
        Assert.All(mine.GetProperty("items").EnumerateArray(), r => Assert.Equal(stored.Uscc, r.GetProperty("uscc").GetString()));
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.PostJson("/api/v1/leniency/guidance/requests", new { unitId = unit04, matter = "x", contact = "y" }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit01.PostJson($"/api/v1/leniency/guidance/requests/{id}/answer", new { answer = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await Json(await unit01.GetAsync("/api/v1/leniency/guidance/requests"))).GetProperty("items").EnumerateArray().Count(r => r.GetProperty("id").GetInt64() == id));
        await HttpAssert.Problem(await enterprise.PostJson($"/api/v1/leniency/guidance/requests/{id}/answer", new { answer = "x" }), HttpStatusCode.Forbidden);

        // Past the deadline: 督办 once.
        app.Clock.Advance(TimeSpan.FromDays(stored.DueOn.DayNumber + 1 - ChinaTime.Today(app.Clock).DayNumber));
        for (var i = 0; i < 2; i++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "leniency-deadlines").RunAsync(CancellationToken.None);
        }
        Assert.Equal(1, await app.Db(db => db.Set<Escalation>().CountAsync(e => e.SubjectType == nameof(GuidanceRequest) && e.SubjectId == id && e.Kind == EscalationKind.Supervise)));

        using var unit04c = await app.ClientFor("unit04");
        var answer = new string('答', LeniencyColumns.AnswerLength);
        Assert.Contains("不能超过", (await HttpAssert.Problem(await unit04c.PostJson($"/api/v1/leniency/guidance/requests/{id}/answer", new { answer = answer + "答" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("answer")[0].GetString());
        var answered = await Json(await unit04c.PostJson($"/api/v1/leniency/guidance/requests/{id}/answer", new { answer }));
        Assert.Equal(nameof(RequestState.Answered), answered.GetProperty("state").GetString());
        Assert.Equal(answer, await app.Db(db => db.Set<GuidanceRequest>().Where(r => r.Id == id).Select(r => r.Answer).SingleAsync()));
        Assert.Equal("L-STATE", (await HttpAssert.Problem(await unit04c.PostJson($"/api/v1/leniency/guidance/requests/{id}/answer", new { answer = "再答" }), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
    }
}
