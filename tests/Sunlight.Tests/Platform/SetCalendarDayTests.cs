using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Calendar;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Tests.Platform;

/// <summary>设置/删除某日安排 (Features/Platform/Calendar, SetCalendarDay/RemoveCalendarDay): the name's column, the date, the audit entries.</summary>
public sealed class SetCalendarDayTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Set_NameAtColumnLength_IsStored_OneMoreIs400_UpdateAndRemoveAreAudited()
    {
        using var admin = await app.ClientFor("admin");
        var date = new DateOnly(2026, 12, 16);
        var tooLong = new string('节', CalendarDayConfiguration.NameLength + 1);
        var refused = await HttpAssert.Problem(await admin.PutJson("/api/v1/calendar/days/2026-12-16", new CalendarDayInput(CalendarDayKind.Holiday, tooLong)), HttpStatusCode.BadRequest);
        Assert.Equal($"名称不能超过 {CalendarDayConfiguration.NameLength} 个字", refused.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.False(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date == date)));

        await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2026-12-16", new CalendarDayInput(CalendarDayKind.Holiday, "临时")));
        var name = tooLong[1..];
        var saved = await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2026-12-16", new CalendarDayInput(CalendarDayKind.Holiday, name)));
        Assert.Equal(name, saved.Name);
        var update = await app.Db(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(CalendarDay) && a.Action == "Update" && a.After!.Contains(name)));
        using (var before = JsonDocument.Parse(update.Before!))
        using (var after = JsonDocument.Parse(update.After!))
        {
            Assert.Equal("临时", before.RootElement.GetProperty("Name").GetString());
            Assert.Equal(name, after.RootElement.GetProperty("Name").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2026-12-16")).StatusCode);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarDay) && a.Action == "Delete" && a.Before!.Contains(name))));
        await HttpAssert.Problem(await admin.DeleteAsync("/api/v1/calendar/days/2026-12-16"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await admin.DeleteAsync("/api/v1/calendar/days/2026-12-99"), HttpStatusCode.BadRequest);
    }
}
