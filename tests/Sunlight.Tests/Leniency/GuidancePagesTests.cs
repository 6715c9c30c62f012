using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Complaints;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Audit;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>The guidance pages: records (共 N 条, keyset pages, the record form), requests with their deadline in working days and the answer form.</summary>
public sealed class GuidancePagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task RecordForm_StoresTheRecord_ListShowsTotalAndPages_OverlongIsRefusedNothingStored()
    {
        using var page = await PageSession.SignInAsync(app, "unit05");
        var today = ChinaTime.Today(app.Clock).ToString("yyyy-MM-dd");
        Dictionary<string, string?> Fields(string matter) => new()
        {
            ["Input.TargetName"] = "青禾餐饮管理有限公司", ["Input.Matter"] = matter, ["Input.Form"] = nameof(GuidanceForm.Reminder),
            ["Input.On"] = today, ["Input.Officer"] = "李明", ["Input.Accepted"] = "true", ["Input.Result"] = "企业已张贴公示",
        };
        var tooLong = new string('导', LeniencyColumns.MatterLength + 1);
        var refused = await page.PostFormAsync("/Leniency/RecordGuidance", "/Leniency/RecordGuidance", Fields(tooLong));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不能超过", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Db(db => db.Set<GuidanceRecord>().CountAsync(r => r.Matter == tooLong)));

        var matter = "提醒落实食品经营许可公示 " + Guid.NewGuid().ToString("N")[..6];
        var done = await page.PostFormAsync("/Leniency/RecordGuidance", "/Leniency/RecordGuidance", Fields(matter));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Leniency/Guidance", done.Headers.Location!.OriginalString);
        var stored = await app.Db(db => db.Set<GuidanceRecord>().SingleAsync(r => r.Matter == matter));
        Assert.Equal((GuidanceForm.Reminder, "李明", (bool?)true, await UnitIdOf(app, "unit05")), (stored.Form, stored.Officer, stored.Accepted, stored.UnitId));
        Assert.True(await app.Db(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(GuidanceRecord) && a.EntityId == stored.Id.ToString() && a.Action == "Create")));

        var unitId = await UnitIdOf(app, "unit05");
        var total = await app.Db(db => db.Set<GuidanceRecord>().CountAsync(r => r.UnitId == unitId));
        var html = await page.GetHtmlAsync("/Leniency/Guidance");
        Assert.Contains($"共 {total} 条", html, StringComparison.Ordinal);
        Assert.Contains(matter, html, StringComparison.Ordinal);
        if (total > 50)
        {
            Assert.Contains("data-testid=\"next-page\"", html, StringComparison.Ordinal);
            var next = await page.GetHtmlAsync($"/Leniency/Guidance?After={stored.Id}");
            Assert.DoesNotContain(matter, next, StringComparison.Ordinal);
        }
        using var enterprise = await PageSession.SignInAsync(app, "enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Client.GetAsync("/Leniency/Guidance")).StatusCode);
    }

    [Fact]
    public async Task RequestsPage_SaysTheDeadlineInWorkingDays_AndTheAnswerFormAnswersOnce()
    {
        var unit04 = await UnitIdOf(app, "unit04");
        using var enterprise = await app.ClientFor("enterprise");
        var matter = "如何办理食品经营许可变更 " + Guid.NewGuid().ToString("N")[..6];
        var id = (await Json(await enterprise.PostJson("/api/v1/leniency/guidance/requests", new { unitId = unit04, matter, contact = "王经理 13800000000" }))).GetProperty("id").GetInt64();
        var dueOn = await app.Db(db => db.Set<GuidanceRequest>().Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync());

        using var before = await PageSession.SignInAsync(app, "unit04");
        var html = await before.GetHtmlAsync($"/Leniency/Requests?State={RequestState.Open}");
        Assert.Contains(matter, html, StringComparison.Ordinal);
        Assert.Contains("剩余 5 个工作日", html, StringComparison.Ordinal);
        var open = await app.Db(db => db.Set<GuidanceRequest>().CountAsync(r => r.UnitId == unit04 && r.State == RequestState.Open));
        Assert.Contains($"共 {open} 条", html, StringComparison.Ordinal);

        // One day past the deadline.
        app.Clock.Advance(TimeSpan.FromDays(dueOn.DayNumber - ChinaTime.Today(app.Clock).DayNumber + 1));
        while (!app.Services.GetRequiredService<Sunlight.Web.Infrastructure.Calendar.WorkingCalendar>().IsWorkingDay(ChinaTime.Today(app.Clock)))
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }
        // A new sign-in: the earlier cookie has expired on the advanced clock.
        using var page = await PageSession.SignInAsync(app, "unit04");
        Assert.Contains("逾期 1 个工作日", await page.GetHtmlAsync($"/Leniency/Requests?State={RequestState.Open}"), StringComparison.Ordinal);

        var version = await app.Db(db => db.Set<GuidanceRequest>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var empty = await page.PostFormAsync("/Leniency/Requests", $"/Leniency/AnswerRequest/{id}", new() { ["Input.Answer"] = "", ["Input.Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写答复内容", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answer = "可通过政务服务网办理变更，材料清单见附件说明。";
        var done = await page.PostFormAsync("/Leniency/Requests", $"/Leniency/AnswerRequest/{id}", new() { ["Input.Answer"] = answer, ["Input.Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await app.Db(db => db.Set<GuidanceRequest>().SingleAsync(r => r.Id == id));
        Assert.Equal((RequestState.Answered, answer, (DateOnly?)ChinaTime.Today(app.Clock)), (stored.State, stored.Answer, stored.AnsweredOn));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == nameof(GuidanceRequest) && a.EntityId == id.ToString() && a.Action == "StateChange"));
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(nameof(RequestState.Answered), after.RootElement.GetProperty("State").GetString());
        }
        var again = await page.PostFormAsync("/Leniency/Requests", $"/Leniency/AnswerRequest/{id}", new() { ["Input.Answer"] = "再答", ["Input.Version"] = stored.Version.ToString() });
        Assert.Contains("该申请已答复", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unit01 = await PageSession.SignInAsync(app, "unit01");
        Assert.Equal(HttpStatusCode.NotFound, (await unit01.Client.GetAsync($"/Leniency/AnswerRequest/{id}")).StatusCode);
    }
}

/// <summary>The public guidance-request form: no login, one link from the front door, the same validation as the API, the unit told.</summary>
public sealed class PublicGuidanceRequestTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string Form = "/Public/Guidance/New";

    [Fact]
    public async Task FrontDoorLinksTheForm_BadInputIsShownNothingStored_AValidRequestIsStoredAndTheUnitTold()
    {
        using var browser = PageSession.Anonymous(app);
        Assert.Contains($"href=\"{Form}\"", await browser.GetHtmlAsync("/"), StringComparison.Ordinal);
        var unit04 = await UnitIdOf(app, "unit04");
        var uscc = NewUscc();
        Dictionary<string, string?> Fields(string? code, string matter, string contact) => new()
        {
            ["Input.UnitId"] = unit04.ToString(), ["Input.EnterpriseName"] = "青禾农业科技有限公司", ["Input.Uscc"] = code, ["Input.Matter"] = matter, ["Input.Contact"] = contact,
        };
        var bad = await browser.PostFormAsync(Form, Form, Fields("91350100M000100Y4X", new string('事', LeniencyColumns.MatterLength + 1), new string('联', LeniencyColumns.ContactLength + 1)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("统一社会信用代码", text, StringComparison.Ordinal);
        Assert.Contains("不能超过", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.Db(db => db.Set<GuidanceRequest>().CountAsync(r => r.EnterpriseName == "青禾农业科技有限公司")));

        var matter = new string('问', LeniencyColumns.MatterLength);
        var contact = new string('联', LeniencyColumns.ContactLength);
        var done = await browser.PostFormAsync(Form, Form, Fields(uscc.ToLowerInvariant(), matter, contact));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("data-testid=\"submitted\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<GuidanceRequest>().SingleAsync(r => r.Uscc == uscc));
        Assert.Equal((unit04, "青禾农业科技有限公司", matter, contact, RequestState.Open), (stored.UnitId, stored.EnterpriseName, stored.Matter, stored.Contact, stored.State));
        Assert.True(await app.Db(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(GuidanceRequest) && a.EntityId == stored.Id.ToString() && a.Action == "Create")));
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Title == "行政指导申请：青禾农业科技有限公司")));
    }
}

/// <summary>The public guidance form counts against the same per-client limit as the public complaint form.</summary>
public sealed class PublicGuidanceRateLimitTests(LowIntakeLimitApp app) : IClassFixture<LowIntakeLimitApp>
{
    [Fact]
    public async Task TheFourthSubmissionInAMinute_Is429_AndNotStored()
    {
        using var browser = PageSession.Anonymous(app);
        const string form = "/Public/Guidance/New";
        var unit04 = await UnitIdOf(app, "unit04");
        Dictionary<string, string?> Fields(int i) => new()
        {
            ["Input.UnitId"] = unit04.ToString(), ["Input.EnterpriseName"] = "限流测试企业", ["Input.Uscc"] = NewUscc(), ["Input.Matter"] = $"限流测试 {i}", ["Input.Contact"] = "13800000000",
        };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(form, form, Fields(i))).StatusCode);
        }
        var refused = await browser.PostFormAsync(form, form, Fields(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(3, await app.Db(db => db.Set<GuidanceRequest>().CountAsync(r => r.EnterpriseName == "限流测试企业")));
    }
}
