using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Calendar;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Tests.Platform.Admin;

public sealed class CalendarAdminTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<DeadlineResponse> Deadline(HttpClient client, string query) =>
        await HttpAssert.Ok<DeadlineResponse>(await client.GetAsync("/api/v1/calendar/deadline?" + query));

    [Fact]
    [ScopeCovered("PUT /api/v1/calendar/days/{date}")]
    public async Task Put_NewHoliday_ChangesTheComputedDeadlineAtOnce_AndIsAudited()
    {
        using var admin = await app.ClientFor("admin");
        using var unit = await app.ClientFor("unit01");
        // Mon 2026-11-30 + 1 WD = Tue 12-01, until 12-01 becomes a holiday.
        Assert.Equal(new DateOnly(2026, 12, 1), (await Deadline(unit, "from=2026-11-30&workingDays=1")).Date);

        var saved = await HttpAssert.Ok<CalendarDayDto>(await admin.PutJson("/api/v1/calendar/days/2026-12-01", new CalendarDayInput(CalendarDayKind.Holiday, " 临时假日 ")));
        Assert.Equal("临时假日", saved.Name);
        Assert.Equal(new DateOnly(2026, 12, 2), (await Deadline(unit, "from=2026-11-30&workingDays=1")).Date);

        var stored = await app.Db(db => db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 12, 1)));
        Assert.Equal((CalendarDayKind.Holiday, "临时假日"), (stored.Kind, stored.Name));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarDay) && a.Action == "Create" && a.Actor == "admin")));

        // Editing the same day (now a make-up day is refused on a weekday, a name change is fine).
        var weekday = await HttpAssert.Problem(await admin.PutJson("/api/v1/calendar/days/2026-12-01", new CalendarDayInput(CalendarDayKind.MakeUpWorkday, "调休")), HttpStatusCode.BadRequest);
        Assert.Contains("调休上班日应为周六或周日", weekday.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.Problem(await admin.PutJson("/api/v1/calendar/days/2026-13-01", new CalendarDayInput(CalendarDayKind.Holiday, "x")), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await admin.PutJson("/api/v1/calendar/days/2026-12-01", new CalendarDayInput(CalendarDayKind.Holiday, "")), HttpStatusCode.BadRequest);

        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PutJson("/api/v1/calendar/days/2026-12-03", new CalendarDayInput(CalendarDayKind.Holiday, "越权")), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit.PutJson("/api/v1/calendar/days/2026-12-03", new CalendarDayInput(CalendarDayKind.Holiday, "越权")), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 12, 3))));
    }

    [Fact]
    [ScopeCovered("DELETE /api/v1/calendar/days/{date}")]
    public async Task Delete_MakeUpDay_ChangesTheDeadline_AndOnlyAdminMayDelete()
    {
        using var admin = await app.ClientFor("admin");
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(new DateOnly(2026, 10, 10), (await Deadline(supervisor, "from=2026-09-30&workingDays=3")).Date);

        await HttpAssert.Problem(await supervisor.DeleteAsync("/api/v1/calendar/days/2026-10-10"), HttpStatusCode.Forbidden);
        Assert.True(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 10, 10))));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2026-10-10")).StatusCode);
        Assert.False(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 10, 10))));
        // Without the Saturday make-up day: 10/8 Thu, 10/9 Fri, 10/12 Mon.
        Assert.Equal(new DateOnly(2026, 10, 12), (await Deadline(supervisor, "from=2026-09-30&workingDays=3")).Date);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarDay) && a.Action == "Delete" && a.Actor == "admin")));

        await HttpAssert.Problem(await admin.DeleteAsync("/api/v1/calendar/days/2026-10-10"), HttpStatusCode.NotFound);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/calendar/days")]
    public async Task GetYear_ListsDaysAndCounts_ForStaffOnly()
    {
        using var observer = await app.ClientFor("observer");
        var y2025 = await HttpAssert.Ok<CalendarYearDto>(await observer.GetAsync("/api/v1/calendar/days?year=2025"));
        Assert.True(y2025.Loaded);
        Assert.Equal(28, y2025.Holidays);
        Assert.Equal(5, y2025.MakeUpWorkdays);
        Assert.Equal(33, y2025.Days.Count);
        Assert.Contains(2026, y2025.LoadedYears);
        Assert.Equal("星期日", y2025.Days.Single(d => d.Date == new DateOnly(2025, 1, 26)).DayOfWeek);

        var y2031 = await HttpAssert.Ok<CalendarYearDto>(await observer.GetAsync("/api/v1/calendar/days?year=2031"));
        Assert.False(y2031.Loaded);
        Assert.Empty(y2031.Days);

        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/calendar/days?year=2025"), HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await HttpAssert.Problem(await anonymous.GetAsync("/api/v1/calendar/days?year=2025"), HttpStatusCode.Unauthorized);
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "Upload", fileName } };
    }

    [Fact]
    public async Task Import_WithABadRow_ReportsEachRowInChinese_AndWritesNothing()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var csv = "日期,类型,名称\n2027-01-01,节假日,元旦\n2027-13-01,节假日,坏日期\n2027-02-06,放假,春节\n2027-01-04,调休上班,周一调休\n2028-01-01,节假日,跨年\n2027-01-01,节假日,重复\n";
        var response = await admin.PostMultipartAsync("/Admin/Calendar?year=2027", "/Admin/Calendar?handler=Import&year=2027", Upload(Encoding.UTF8.GetBytes(csv), "2027.csv"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 3 行：日期格式错误", html, StringComparison.Ordinal);
        Assert.Contains("第 4 行：类型应为“节假日”或“调休上班”", html, StringComparison.Ordinal);
        Assert.Contains("第 5 行：2027-01-04 是工作日，调休上班日应为周六或周日", html, StringComparison.Ordinal);
        Assert.Contains("第 6 行：日期 2028-01-01 不属于 2027 年", html, StringComparison.Ordinal);
        Assert.Contains("第 7 行：日期 2027-01-01 与第 2 行重复", html, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date.Year == 2027)));
    }

    [Fact]
    public async Task Import_Xlsx_ReplacesTheYear_AndDeadlinesInItAreNoLongerUncertain()
    {
        using var unit = await app.ClientFor("unit02");
        Assert.True((await Deadline(unit, "from=2029-09-28&workingDays=3")).Uncertain);

        var rows = new List<Dictionary<string, object>>();
        for (var d = new DateOnly(2029, 10, 1); d <= new DateOnly(2029, 10, 7); d = d.AddDays(1))
        {
            rows.Add(new() { ["日期"] = d.ToDateTime(TimeOnly.MinValue), ["类型"] = "节假日", ["名称"] = "国庆节" });
        }
        rows.Add(new() { ["日期"] = "2029-09-29", ["类型"] = "调休上班", ["名称"] = "国庆节调休上班" });
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(rows, excelType: ExcelType.XLSX);

        using var admin = await PageSession.SignInAsync(app, "admin");
        var response = await admin.PostMultipartAsync("/Admin/Calendar?year=2029", "/Admin/Calendar?handler=Import&year=2029", Upload(xlsx.ToArray(), "2029.xlsx"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var stored = await app.Db(db => db.CalendarDays.Where(d => d.Date.Year == 2029).OrderBy(d => d.Date).ToListAsync());
        Assert.Equal(8, stored.Count);
        Assert.Equal(CalendarDayKind.MakeUpWorkday, stored[0].Kind);

        // Fri 9/28 + 3 WD: 9/29 Sat make-up (1), 10/1–7 off, 10/8 (2), 10/9 (3).
        var d3 = await Deadline(unit, "from=2029-09-28&workingDays=3");
        Assert.Equal((new DateOnly(2029, 10, 9), false), (d3.Date, d3.Uncertain));

        // A second import of the same year replaces it: 国庆 shortened to 10/1–3, the make-up day dropped.
        var csv = "日期,类型,名称\r\n2029/10/1,节假日,国庆节\r\n2029/10/2,节假日,国庆节\r\n2029/10/3,节假日,国庆节\r\n";
        var again = await admin.PostMultipartAsync("/Admin/Calendar?year=2029", "/Admin/Calendar?handler=Import&year=2029", Upload(Encoding.GetEncoding("utf-8").GetBytes(csv), "2029.csv"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await app.Db(db => db.CalendarDays.CountAsync(d => d.Date.Year == 2029)));
        Assert.Equal(new DateOnly(2029, 10, 8), (await Deadline(unit, "from=2029-09-28&workingDays=3")).Date);
    }

    [Fact]
    public async Task CalendarPage_AdminEditsADay_StaffOnlyViewAndCompute()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var saved = await admin.PostFormAsync("/Admin/Calendar?year=2026", "/Admin/Calendar?handler=Save",
            new() { ["DayDate"] = "2026-12-24", ["DayKind"] = "Holiday", ["DayName"] = "测试假日" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("测试假日", await app.Db(db => db.CalendarDays.Where(d => d.Date == new DateOnly(2026, 12, 24)).Select(d => d.Name).SingleAsync()));

        var html = await admin.GetHtmlAsync("/Admin/Calendar?year=2026&calcFrom=2026-12-23&calcDays=1&calcMode=working");
        Assert.Contains("测试假日", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-25", html, StringComparison.Ordinal); // 12-24 is now a holiday

        using var unit = await PageSession.SignInAsync(app, "unit03");
        var view = await unit.GetHtmlAsync("/Admin/Calendar?year=2030&calcFrom=2030-01-01&calcDays=5&calcMode=natural");
        Assert.Contains("2030 年尚未加载节假日安排", view, StringComparison.Ordinal);
        Assert.Contains("待确认", view, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Import", view, StringComparison.Ordinal);
        var token = await unit.TokenAsync("/Admin/Calendar");
        var refused = await unit.Client.PostAsync("/Admin/Calendar?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DayDate"] = "2026-12-28", ["DayKind"] = "Holiday", ["DayName"] = "越权", ["__RequestVerificationToken"] = token,
        }));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await app.Db(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 12, 28))));

        using var enterprise = await PageSession.SignInAsync(app, "enterprise");
        var denied = await enterprise.Client.GetAsync("/Admin/Calendar");
        await HttpAssert.ErrorPage(denied, HttpStatusCode.Forbidden);
    }
}
