using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Complaints;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Platform.Calendar;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Calendar;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Platform;

/// <summary>
/// Deadlines follow the calendar (Platform/Calendar → ICalendarFollower): a deadline counted into an unloaded year is
/// uncertain; loading that year recounts it and clears the flag; adding a holiday inside an open period moves it. Each
/// change is audited and told in the inbox. This class moves the clock to the end of 2026.
/// </summary>
public sealed class CalendarFollowTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task UncertainDeadline_LoadingTheYearConfirmsOrMovesIt_AHolidayInsideThePeriodMovesIt_AuditedAndTold()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 0, 0, ChinaTime.Offset).ToUniversalTime()); // a Monday, 09:00 in China
        Assert.DoesNotContain(2027, await app.Db(db => db.CalendarDays.Select(d => d.Date.Year).Distinct().ToListAsync()));
        using var client = app.CreateClient();
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsJsonAsync("/api/v1/public/complaints", Submission(anonymous: true)), HttpStatusCode.Created);
        var id = await IdOf(app, receipt.TrackingCode);
        var filed = await StoredAsync(app, id);
        // 5 working days after 28 Dec: 29, 30, 31 Dec, then 1 and 4 Jan 2027 by the weekend rule — uncertain.
        Assert.Equal((new DateOnly(2027, 1, 4), true), (filed.AcceptDueDate, filed.AcceptDueUncertain));

        using var admin = await FreshClientFor(app, "admin");
        await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2027-01-01", new CalendarDayInput(CalendarDayKind.Holiday, "元旦")));
        var loaded = await StoredAsync(app, id);
        Assert.Equal((new DateOnly(2027, 1, 5), false), (loaded.AcceptDueDate, loaded.AcceptDueUncertain));
        var (_, before, after) = await LastAuditAsync(app, id, "Update");
        Assert.Equal(("2027-01-04", "2027-01-05"), (before.GetProperty("AcceptDueDate").GetString(), after.GetProperty("AcceptDueDate").GetString()));
        Assert.False(after.GetProperty("AcceptDueUncertain").GetBoolean());
        var told = $"因 2027 年节假日安排公布，投诉 {receipt.TrackingCode} 的受理期限由 2027-01-04 调整为 2027-01-05。";
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Body == told)), told);

        // An edit that adds a holiday inside the open period moves the due date again.
        await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2027-01-04", new CalendarDayInput(CalendarDayKind.Holiday, "调休")));
        Assert.Equal((new DateOnly(2027, 1, 6), false), ((await StoredAsync(app, id)).AcceptDueDate, (await StoredAsync(app, id)).AcceptDueUncertain));
        var moved = $"因 2027 年节假日安排调整，投诉 {receipt.TrackingCode} 的受理期限由 2027-01-05 调整为 2027-01-06。";
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Body == moved)), moved);

        // Removing it gives the day back; a deadline already certain and unchanged is left alone (no audit, no notice).
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2027-01-04")).StatusCode);
        Assert.Equal(new DateOnly(2027, 1, 5), (await StoredAsync(app, id)).AcceptDueDate);
        var audits = await app.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString()));
        await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2027-10-01", new CalendarDayInput(CalendarDayKind.Holiday, "国庆节")));
        Assert.Equal(audits, await app.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString())));
    }
}
