using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>The complaint lists (API, board, queue): keyset <c>after</c>, newest first, with the filtered total.</summary>
public sealed class ComplaintListTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task List_PagesAfterTheLastId_NewestFirst_WithTheTotal_AndThePagesShowIt()
    {
        var term = "分页测试" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await IdOf(app, (await FileAsync(app, Submission(description: $"{term} 第{i}件：执法人员检查时态度粗暴。"))).TrackingCode));
        }
        using var supervisor = await app.ClientFor("supervisor");

        var first = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&limit=2"));
        Assert.Equal([ids[2], ids[1]], first.Items.Select(i => i.Id));
        Assert.Equal((3, ids[1]), (first.Total, first.NextCursor));
        var second = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&limit=2&after={first.NextCursor}"));
        Assert.Equal([ids[0]], second.Items.Select(i => i.Id));
        Assert.Equal((3, (long?)null), (second.Total, second.NextCursor));

        using var page = await PageSession.SignInAsync(app, "supervisor");
        var board = await page.GetHtmlAsync($"/Complaints?Q={term}");
        Assert.Contains("共 3 条", board);
        var queue = await page.GetHtmlAsync("/Complaints/Queue?limit=200");
        Assert.Matches(@"共 \d+ 条", queue);
    }

    [Fact]
    public async Task Board_SaysEachDeadlineInWorkingDays_TheDateInATooltip_AndAPausedClockAsSuch()
    {
        var term = "工作日测试" + Guid.NewGuid().ToString("N")[..6];
        var open = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：执法人员检查时态度粗暴。"))).TrackingCode);
        var late = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：执法人员多次上门检查。"))).TrackingCode);
        var today = ChinaTime.Today(app.Clock);
        var lateDue = today.AddDays(-9);
        await app.Db(db => db.Set<Complaint>().Where(c => c.Id == late).ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptDueDate, lateDue)));
        var openDue = await app.Db(db => db.Set<Complaint>().Where(c => c.Id == open).Select(c => c.AcceptDueDate).SingleAsync());
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();

        using var page = await PageSession.SignInAsync(app, "supervisor");
        var html = await page.GetHtmlAsync($"/Complaints?Q={term}");

        string Due(long id) => Regex.Match(html, $"/Complaints/Detail/{id}\"[\\s\\S]*?(<span title=\"[^\"]*\" data-testid=\"due\">[^<]*</span>)").Groups[1].Value;
        Assert.Equal($"<span title=\"期限 {openDue:yyyy-MM-dd}\" data-testid=\"due\">剩余 {calendar.WorkingDaysBetween(today, openDue)} 个工作日</span>", Due(open));
        Assert.Equal($"<span title=\"期限 {lateDue:yyyy-MM-dd}\" data-testid=\"due\">逾期 {calendar.WorkingDaysBetween(lateDue, today)} 个工作日</span>", Due(late));
        // The API says the same.
        using var supervisor = await app.ClientFor("supervisor");
        var items = (await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}"))).Items;
        Assert.Equal($"逾期 {calendar.WorkingDaysBetween(lateDue, today)} 个工作日", items.Single(i => i.Id == late).DueText);
        Assert.True(items.Single(i => i.Id == late).Overdue);
    }

    [Fact]
    public async Task AcceptedOnTimeFilter_ListsExactlyTheComplaintsAcceptedByTheirDueDay_ChinaTime()
    {
        var term = "按时受理测试" + Guid.NewGuid().ToString("N")[..6];
        var onTime = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：一。"))).TrackingCode);
        var lastMinute = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：二。"))).TrackingCode);
        var late = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：三。"))).TrackingCode);
        var notYet = await IdOf(app, (await FileAsync(app, Submission(description: $"{term}：四。"))).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        foreach (var id in new[] { onTime, lastMinute, late })
        {
            await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        }
        // Accepted at 23:30 China time on the due day is on time; 00:30 the next day is late (stored instants are UTC).
        var due = await app.Db(db => db.Set<Complaint>().Where(c => c.Id == lastMinute).Select(c => c.AcceptDueDate).SingleAsync());
        var dueDayEnd = new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 30)), TimeSpan.FromHours(8)).ToUniversalTime();
        await app.Db(db => db.Set<Complaint>().Where(c => c.Id == lastMinute).ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedAt, dueDayEnd)));
        await app.Db(db => db.Set<Complaint>().Where(c => c.Id == late).ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedAt, dueDayEnd.AddHours(1))));

        var listed = (await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&acceptedOnTime=true"))).Items.Select(i => i.Id);
        Assert.Equal([lastMinute, onTime], listed);
        var lateListed = (await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&acceptedOnTime=false"))).Items.Select(i => i.Id);
        Assert.Equal([late], lateListed);
        Assert.DoesNotContain(notYet, listed.Concat(lateListed));

        using var page = await PageSession.SignInAsync(app, "supervisor");
        var html = await page.GetHtmlAsync($"/Complaints?Q={term}&AcceptedOnTime=true");
        Assert.Contains("按时受理，共 2 条", html, StringComparison.Ordinal);
    }
}
