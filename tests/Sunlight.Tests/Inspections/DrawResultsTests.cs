using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Calendar;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>
/// 双随机一公开's second half (Features/Inspections/DrawResults): the results of a draw's checks are public within 20 working
/// days of the last check; the work home warns as the day nears and passes (the clock moves: own fixture).
/// </summary>
public sealed class DrawResultsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<long> DrawAsync(HttpClient unit, string nonce)
    {
        var draw = await HttpAssert.Ok<JsonElement>(await unit.PostJson("/api/v1/inspections/draws",
            new { title = "餐饮行业双随机抽查（结果公开测试）", publicNonce = nonce, targetCount = 1, inspectorCount = 2, industry = "餐饮" }), HttpStatusCode.Created);
        return draw.GetProperty("id").GetInt64();
    }

    private async Task<string> WorkItemAsync(string user, string link)
    {
        using var client = await app.LoginWithCookieAsync(user);
        var html = await client.GetStringAsync("/");
        return Regex.Matches(html, "<li class=\"list-group-item[^\"]*\" data-testid=\"work-item\">(.*?)</li>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).Where(i => i.Contains(link, StringComparison.Ordinal))
            .Select(i => Regex.Replace(i, "<[^>]+>", " ")).SingleOrDefault() ?? "";
    }

    private static object Summary(string text) => new { summary = text };

    [Fact]
    [ScopeCovered("POST /api/v1/inspections/draws/{id:long}/results")]
    public async Task Results_AfterTheChecks_DueTwentyWorkingDaysAfterTheLast_WarnedAndFlaggedWhenLate()
    {
        using var unit03 = await app.ClientFor("unit03");
        var onTime = await DrawAsync(unit03, "结果公开 A");
        // The same published inputs draw the same enterprise: one check serves both draws.
        var late = await DrawAsync(unit03, "结果公开 A");
        var enterpriseId = await app.Db(db => db.Set<RandomDraw>().Where(d => d.Id == onTime).Select(d => d.EnterpriseIds[0]).SingleAsync());

        // Before the drawn enterprise is checked: refused with its rule, nothing stored.
        var early = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/draws/{onTime}/results", Summary("全部合格")), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.DrawResult, early.GetProperty("rule").GetString());
        Assert.Null(await app.Db(db => db.Set<RandomDraw>().Where(d => d.Id == onTime).Select(d => d.ResultsPublishedOn).SingleAsync()));

        // A summary stored before publication stays private: neither the public page nor the public API shows it.
        await app.Db(db => db.Set<RandomDraw>().Where(d => d.Id == onTime).ExecuteUpdateAsync(s => s.SetProperty(d => d.ResultSummary, "未公开的草稿结果")));
        using var anonymous = app.CreateClient();
        var unpublishedPage = await anonymous.GetStringAsync($"/Public/Inspections/Draws/{onTime}");
        Assert.Contains("data-testid=\"drawn-enterprises\"", unpublishedPage);
        Assert.DoesNotContain("未公开的草稿结果", unpublishedPage);
        Assert.DoesNotContain("data-testid=\"draw-results\"", unpublishedPage);
        var unpublished = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/draws/{onTime}"));
        Assert.Equal(JsonValueKind.Null, unpublished.GetProperty("resultSummary").ValueKind);

        var checkDay = Today(app);
        var inspection = await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, "unit03", enterpriseId, checkDay, type: "CaseDriven", confirm: true), HttpStatusCode.Created);
        await ApproveAsync(app, "unit03", inspection.Id);
        await HttpAssert.Ok<InspectionDto>(await unit03.PostJson($"/api/v1/inspections/{inspection.Id}/result", new { outcome = "NoProblem" }));

        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        var due = calendar.AddWorkingDays(checkDay, 20).Date;
        Assert.Contains("剩余 20 个工作日", await WorkItemAsync("unit03", $"/Inspections/Draws/Results/{onTime}"));

        // The draws page lists every draw of the county (public) but links to the results page only for the caller's own:
        // another unit's link would answer 404.
        var resultsLink = $"href=\"/Inspections/Draws/Results/{onTime}\"";
        using (var owner = await app.LoginWithCookieAsync("unit03"))
        {
            Assert.Contains(resultsLink, await owner.GetStringAsync("/Inspections/Draws"));
        }
        using (var otherUnit = await app.LoginWithCookieAsync("unit05"))
        {
            var page = await otherUnit.GetStringAsync("/Inspections/Draws");
            Assert.Contains($"href=\"/Public/Inspections/Draws/{onTime}\"", page);
            Assert.DoesNotContain(resultsLink, page);
        }

        // Other unit: not found; the Supervisor does not publish a unit's draw; bad input is a Chinese 400.
        using var unit05 = await app.ClientFor("unit05");
        await HttpAssert.Problem(await unit05.PostJson($"/api/v1/inspections/draws/{onTime}/results", Summary("x")), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostJson($"/api/v1/inspections/draws/{onTime}/results", Summary("x"))).StatusCode);
        var tooLong = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/draws/{onTime}/results",
            Summary(new string('果', InspectionColumns.TextLength + 1))), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("summary", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await unit03.PostJson($"/api/v1/inspections/draws/{onTime}/results", Summary(" "))).StatusCode);
        Assert.Null(await app.Db(db => db.Set<RandomDraw>().Where(d => d.Id == onTime).Select(d => d.ResultsPublishedOn).SingleAsync()));

        // On the 20th working day: due today, still on time.
        app.Clock.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        Assert.Contains("今日到期", await WorkItemAsync("unit03", $"/Inspections/Draws/Results/{onTime}"));
        using var onDue = await app.ClientFor("unit03");
        var published = await HttpAssert.Ok<JsonElement>(await onDue.PostJson($"/api/v1/inspections/draws/{onTime}/results",
            Summary(new string('果', InspectionColumns.TextLength))));
        Assert.False(published.GetProperty("late").GetBoolean());
        Assert.Equal(due.ToString("yyyy-MM-dd"), published.GetProperty("resultsDue").GetString());
        var stored = await app.Db(db => db.Set<RandomDraw>().AsNoTracking().SingleAsync(d => d.Id == onTime));
        Assert.Equal(due, stored.ResultsPublishedOn);
        Assert.Equal(InspectionColumns.TextLength, stored.ResultSummary!.Length);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(RandomDraw) && e.EntityId == onTime.ToString()).OrderByDescending(e => e.Sequence).FirstAsync());
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(due.ToString("yyyy-MM-dd"), after.RootElement.GetProperty("ResultsPublishedOn").GetString());
        }
        Assert.Equal("", await WorkItemAsync("unit03", $"/Inspections/Draws/Results/{onTime}"));
        var again = await HttpAssert.Problem(await onDue.PostJson($"/api/v1/inspections/draws/{onTime}/results", Summary("再次公开")), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.State, again.GetProperty("rule").GetString());
        var shown = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/draws/{onTime}"));
        Assert.Equal(due.ToString("yyyy-MM-dd"), shown.GetProperty("resultsPublishedOn").GetString());
        Assert.Equal(stored.ResultSummary, shown.GetProperty("resultSummary").GetString());
        var publishedPage = await anonymous.GetStringAsync($"/Public/Inspections/Draws/{onTime}");
        Assert.Contains("data-testid=\"draw-results\"", publishedPage);
        Assert.Contains(stored.ResultSummary, publishedPage);

        // The next working day: the other draw (same check) is overdue, and publishing it is flagged as late.
        var next = calendar.AddWorkingDays(due, 1).Date;
        app.Clock.SetUtcNow(new DateTimeOffset(next.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        Assert.Contains("逾期 1 个工作日", await WorkItemAsync("unit03", $"/Inspections/Draws/Results/{late}"));
        using var nextDay = await app.ClientFor("unit03");
        var flagged = await HttpAssert.Ok<JsonElement>(await nextDay.PostJson($"/api/v1/inspections/draws/{late}/results", Summary("全部合格")));
        Assert.True(flagged.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task AwaitingApproval_IsTheUnitsWorkItem_UntilApproved()
    {
        var registered = await RegisterAsync(app, "unit04", await QuietEnterpriseId(app, 9), Today(app).AddDays(2), type: "CaseDriven");
        Assert.Contains("单位负责人审批", await WorkItemAsync("unit04", $"/Inspections/Detail/{registered.Id}"));
        Assert.Equal("", await WorkItemAsync("unit05", $"/Inspections/Detail/{registered.Id}"));
        await ApproveAsync(app, "unit04", registered.Id);
        Assert.Equal("", await WorkItemAsync("unit04", $"/Inspections/Detail/{registered.Id}"));
    }
}
