using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Calendar;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>柔性执法设置: the bureau's page stores the settings as data with an audit entry, and the steps follow them.</summary>
public sealed class SettingsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string Page = "/Leniency/Settings";

    [Fact]
    public async Task SupervisorSavesTheSettings_StoredAndAudited_OutOfRangeIsRefused_UnitsAre403_AnswerPeriodFollows()
    {
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        Assert.Contains("value=\"12\"", await supervisor.GetHtmlAsync(Page), StringComparison.Ordinal);

        var bad = await supervisor.PostFormAsync(Page, Page, new() { ["Input.FirstViolationMonths"] = "61", ["Input.PledgeReminderDays"] = "3", ["Input.GuidanceAnswerDays"] = "0" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("首违认定期限应为 1 至 60 个月", text, StringComparison.Ordinal);
        Assert.Contains("指导申请答复期限应为 1 至 30 个工作日", text, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<LeniencySetting>().AnyAsync(s => s.FirstViolationMonths == 61)));

        var done = await supervisor.PostFormAsync(Page, Page, new() { ["Input.FirstViolationMonths"] = "18", ["Input.PledgeReminderDays"] = "5", ["Input.GuidanceAnswerDays"] = "7" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await app.Db(db => db.Set<LeniencySetting>().SingleAsync(s => s.RegionCode == "359901"));
        Assert.Equal((18, 5, 7), (stored.FirstViolationMonths, stored.PledgeReminderDays, stored.GuidanceAnswerDays));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(LeniencySetting) && a.EntityId == stored.Id.ToString())
            .OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("supervisor", entry.Actor);
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(18, after.RootElement.GetProperty("FirstViolationMonths").GetInt32());
            Assert.Equal(7, after.RootElement.GetProperty("GuidanceAnswerDays").GetInt32());
        }
        using var unit06 = await PageSession.SignInAsync(app, "unit06");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit06.Client.GetAsync(Page)).StatusCode);

        // A request filed now is due in 7 working days; the API reads the same settings.
        using var enterprise = await app.ClientFor("enterprise");
        var id = (await Json(await enterprise.PostJson("/api/v1/leniency/guidance/requests", new { unitId = await UnitIdOf(app, "unit04"), matter = "设置测试", contact = "13800000000" })))
            .GetProperty("id").GetInt64();
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(calendar.AddWorkingDays(ChinaTime.Today(app.Clock), 7).Date, await app.Db(db => db.Set<GuidanceRequest>().Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync()));
        using var api = await app.ClientFor("unit06");
        var settings = await Json(await api.GetAsync("/api/v1/leniency/settings"));
        Assert.Equal((18, 5, 7), (settings.GetProperty("firstViolationMonths").GetInt32(), settings.GetProperty("pledgeReminderDays").GetInt32(), settings.GetProperty("guidanceAnswerDays").GetInt32()));
    }
}
