using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Pause;
using Sunlight.Web.Features.Problems.Resume;
using Sunlight.Web.Infrastructure.Calendar;

using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Problems;

/// <summary>暂停计时 / 恢复计时 of a problem (Features/Problems/Pause, Resume): by the bureau, audited, never late while paused. Moves the clock.</summary>
public sealed class PauseTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/pause")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/resume")]
    public async Task PauseAndResume_BySupervisor_NeverOverdueWhilePaused_DeadlineMovesByThePausedWorkingDays_Audited()
    {
        var p = await app.RectifyingAsync("U07");
        using var unit07 = await app.ClientFor("unit07");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit07.PostJson($"/api/v1/problems/{p.Id}/pause", new PauseInput("等待", p.Version)), HttpStatusCode.Forbidden);
        var running = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/resume", new ResumeInput(p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.ResumeRule, running.GetProperty("rule").GetString());
        Assert.Contains("正在计时", running.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tooLong = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/pause",
            new PauseInput(new string('等', ProblemConfiguration.PauseReasonLength + 1), p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"暂停原因不能超过 {ProblemConfiguration.PauseReasonLength} 个字", tooLong.Error("reason"));
        Assert.Null((await app.Stored(p.Id)).PausedOn);

        var reason = new string('等', ProblemConfiguration.PauseReasonLength);
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/pause", new PauseInput(reason, p.Version));
        var stored = await app.Stored(p.Id);
        Assert.Equal((ChinaTime.Today(app.Clock), reason), (stored.PausedOn!.Value, stored.PauseReason));
        Assert.False(stored.IsOverdueOn(stored.Deadline!.Value.AddDays(30)));
        var (entry, before, after) = await app.LastAuditAsync(p.Id, "Update");
        Assert.Equal(nameof(Problem), entry.EntityType);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("PausedOn").ValueKind);
        Assert.Equal(reason, after.GetProperty("PauseReason").GetString());
        Assert.DoesNotContain(await app.Db(db => db.Set<Problem>().WhereOverdue(stored.Deadline!.Value.AddDays(30)).Select(x => x.Id).ToListAsync()), x => x == p.Id);
        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/pause", new PauseInput("再次", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.PauseRule, again.GetProperty("rule").GetString());

        app.Clock.Advance(TimeSpan.FromDays(1));
        using var later = await Sunlight.Tests.Complaints.ComplaintTestKit.FreshClientFor(app, "supervisor");
        var calendar = new WorkingCalendar(await app.Db(db => db.CalendarDays.ToListAsync()));
        var days = calendar.WorkingDaysBetween(stored.PausedOn.Value, ChinaTime.Today(app.Clock));
        p = await ProblemApi.Post(later, $"/api/v1/problems/{p.Id}/resume", new ResumeInput(p.Version));
        var resumed = await app.Stored(p.Id);
        Assert.Equal(calendar.AddWorkingDays(stored.Deadline.Value, days).Date, resumed.Deadline);
        Assert.Equal((null, null, days), (resumed.PausedOn, resumed.PauseReason, resumed.PausedWorkingDays));
        Assert.True(resumed.IsOverdueOn(resumed.Deadline!.Value.AddDays(1)));
    }

}

/// <summary>Refusals and the page of 暂停计时 (this class leaves the clock alone; the one above moves it).</summary>
public sealed class PauseRuleTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Pause_OfAWrittenOffProblem_Is409InChinese()
    {
        var p = await app.WrittenOffAsync("U08");
        using var supervisor = await app.ClientFor("supervisor");
        var refused = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/pause", new PauseInput("等待", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.PauseRule, refused.GetProperty("rule").GetString());
        Assert.Contains("不能暂停计时", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await app.Stored(p.Id)).PausedOn);
        var page = await supervisor.GetStringAsync($"/Problems/Details?no={p.Number}");
        Assert.DoesNotContain("/Problems/Pause/", page, StringComparison.Ordinal);
        var open = await app.RaiseAsync("U08");
        Assert.Contains($"/Problems/Pause/{open.Id}", await supervisor.GetStringAsync($"/Problems/Details?no={open.Number}"), StringComparison.Ordinal);
    }
}
