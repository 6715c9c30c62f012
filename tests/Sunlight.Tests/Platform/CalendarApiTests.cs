using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Calendar;

namespace Sunlight.Tests.Platform;

public sealed class CalendarApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/calendar/deadline")]
    public async Task Deadline_WorkingDays_UsesTheSeededCalendar()
    {
        using var client = await app.ClientFor("unit01");
        var d = await HttpAssert.Ok<DeadlineResponse>(await client.GetAsync("/api/v1/calendar/deadline?from=2026-09-30&workingDays=3"));
        Assert.Equal(new DateOnly(2026, 10, 10), d.Date);
        Assert.False(d.Uncertain);

        using var anonymous = app.CreateClient();
        await HttpAssert.Problem(await anonymous.GetAsync("/api/v1/calendar/deadline?from=2026-09-30&workingDays=3"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deadline_NaturalDays_RollsPastHoliday_AndFlagsBeyondCalendar()
    {
        using var client = await app.ClientFor("supervisor");
        var rolled = await HttpAssert.Ok<DeadlineResponse>(await client.GetAsync("/api/v1/calendar/deadline?from=2026-09-24&days=7"));
        Assert.Equal(new DateOnly(2026, 10, 8), rolled.Date);
        var beyond = await HttpAssert.Ok<DeadlineResponse>(await client.GetAsync("/api/v1/calendar/deadline?from=2026-12-20&days=30"));
        Assert.True(beyond.Uncertain);
        Assert.Contains("待确认", beyond.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-01&workingDays=1", "from")]
    [InlineData("from=2026-01-01", "workingDays")]
    [InlineData("from=2026-01-01&workingDays=1&days=2", "workingDays")]
    [InlineData("from=2026-01-01&days=-1", "days")]
    public async Task Deadline_BadInput_Returns400InChinese(string query, string field)
    {
        using var client = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await client.GetAsync("/api/v1/calendar/deadline?" + query), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }
}
