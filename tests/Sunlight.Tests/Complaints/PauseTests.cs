using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Deadlines;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Jobs;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Complaints;

/// <summary>暂停计时 / 恢复计时 (Features/Complaints/Pause, Resume): honest clocks. This class moves the clock forward.</summary>
public sealed class PauseTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/pause")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/resume")]
    public async Task PauseAndResume_PausedWorkingDaysMoveTheDeadline_NeverOverdueOrEscalatedWhilePaused_Audited_OnTheTimeline()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit05");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/complaints/{id}/pause", new { reason = "等待补正" }), HttpStatusCode.Forbidden);
        var running = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/resume", new { }), HttpStatusCode.Conflict);
        Assert.Equal(Complaint.ResumeRule, running.GetProperty("rule").GetString());
        Assert.Contains("正在计时", running.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await AssertTooLongAsync(app, supervisor, id, "pause", "reason", new() { ["reason"] = "" }, ComplaintConfiguration.ReasonLength);
        var before = await StoredAsync(app, id);
        var reason = new string('检', ComplaintConfiguration.ReasonLength - 4) + "鉴定检测";
        var paused = await StepAsync(supervisor, $"/api/v1/complaints/{id}/pause", new { reason });
        Assert.Equal(ChinaTime.Today(app.Clock), paused.PausedOn);
        var stored = await StoredAsync(app, id);
        Assert.Equal((ChinaTime.Today(app.Clock), reason), (stored.PausedOn!.Value, stored.PauseReason));
        Assert.Equal(before.ResolveDueDate, stored.ResolveDueDate);
        var (entry, _, after) = await LastAuditAsync(app, id);
        Assert.Equal("Update", entry.Action);
        Assert.Equal(ChinaTime.Today(app.Clock).ToString("yyyy-MM-dd"), after.GetProperty("PausedOn").GetString());
        Assert.True(await app.Db(db => db.Set<ComplaintEvent>().AnyAsync(e => e.ComplaintId == id && e.Kind == "暂停计时" && e.IsPublic)));
        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/pause", new { reason = "再次" }), HttpStatusCode.Conflict);
        Assert.Equal(Complaint.PauseRule, again.GetProperty("rule").GetString());

        // Well past the old deadline: not overdue, not escalated while paused.
        var pausedOn = stored.PausedOn!.Value;
        app.Clock.SetUtcNow(new DateTimeOffset(before.ResolveDueDate!.Value.AddDays(3).ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset).ToUniversalTime());
        using var later = await FreshClientFor(app, "supervisor");
        var shown = await HttpAssert.Ok<Sunlight.Web.Features.Complaints.Queries.ComplaintDto>(await later.GetAsync($"/api/v1/complaints/{id}"));
        Assert.False(shown.Overdue);
        var overdue = await later.GetStringAsync("/api/v1/complaints?overdue=true&limit=200");
        Assert.DoesNotContain(stored.TrackingCode, overdue, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetServices<IScheduledJob>().OfType<ComplaintDeadlineJob>().Single().RunAsync(CancellationToken.None);
        }
        Assert.False(await app.Db(db => db.Set<Escalation>().AnyAsync(e => e.SubjectType == "Complaint" && e.SubjectId == id)));

        var calendar = new WorkingCalendar(await app.Db(db => db.CalendarDays.ToListAsync()));
        var today = ChinaTime.Today(app.Clock);
        var days = calendar.WorkingDaysBetween(pausedOn, today);
        var resumed = await StepAsync(later, $"/api/v1/complaints/{id}/resume", new { });
        Assert.True(days > 20);
        Assert.Equal(calendar.AddWorkingDays(before.ResolveDueDate.Value, days).Date, resumed.ResolveDueDate);
        stored = await StoredAsync(app, id);
        Assert.Equal((null, null, days), (stored.PausedOn, stored.PauseReason, stored.PausedWorkingDays));
        Assert.False(stored.IsOverdue(today));
        Assert.True(await app.Db(db => db.Set<ComplaintEvent>().AnyAsync(e => e.ComplaintId == id && e.Kind == "恢复计时" && e.IsPublic)));
        var history = await later.GetStringAsync($"/Complaints/Detail/{id}");
        Assert.Contains("暂停计时", history, StringComparison.Ordinal);
        Assert.Contains("恢复计时", history, StringComparison.Ordinal);
    }

}

/// <summary>Refusals and pages of 暂停计时 / 恢复计时 (this class leaves the clock alone).</summary>
public sealed class PauseRuleTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Pause_OfAClosedComplaint_Is409InChinese_AndNothingChanges()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Closed);
        using var supervisor = await app.ClientFor("supervisor");
        var refused = await AssertRefusedAsync(app, supervisor, id, "pause", new { reason = "等待补正材料" }, Complaint.PauseRule);
        Assert.Contains("不能暂停计时", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(app, id)).PausedOn);
    }

    [Fact]
    public async Task PausePages_FormsOnTheComplaintPage_PostToTheirOwnPages()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Accepted);
        using var supervisor = await app.ClientFor("supervisor");
        var page = await supervisor.GetStringAsync($"/Complaints/Detail/{id}");
        Assert.Contains($"action=\"/Complaints/Pause/{id}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/Complaints/Pause/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/Complaints/Resume/{id}")).StatusCode);
        using var unit = await app.ClientFor("unit05");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/Complaints/Pause/{id}")).StatusCode);
    }
}
