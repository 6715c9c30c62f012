using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Problems;
using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Reports;

/// <summary>单位执法监督情况: a unit's report card counts its own records of the period; a unit account gets only its own.</summary>
public sealed class UnitReportCardTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitOf(string account) =>
        app.Db(db => db.Users.Where(u => u.UserName == account).Select(u => u.UnitId!.Value).SingleAsync());

    private static async Task<string> DocxText(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    [ScopeCovered("GET /api/v1/reports/units/{id:long}/{format}")]
    public async Task UnitGetsItsOwnCardWithItsCounts_AnotherUnitIs404_SupervisorAnyUnit()
    {
        var today = ChinaTime.Today(app.Clock);
        var from = new DateOnly(today.Year - 1, 1, 1);
        var unit = await UnitOf("unit01");
        var (name, problems, writtenOff, inspections) = await app.Db(async db => (
            await db.Units.Where(u => u.Id == unit).Select(u => u.Name).SingleAsync(),
            await db.Set<Problem>().CountAsync(p => p.UnitId == unit && p.RaisedOn >= from && p.RaisedOn <= today),
            await db.Set<Problem>().CountAsync(p => p.UnitId == unit && p.RaisedOn >= from && p.RaisedOn <= today && p.State == ProblemState.WrittenOff),
            await db.Set<Inspection>().CountAsync(i => i.UnitId == unit && i.VisitDate >= from && i.VisitDate <= today)));

        using var unit01 = await app.ClientFor("unit01");
        var text = await DocxText(await unit01.GetAsync($"/api/v1/reports/units/{unit}/docx?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Contains($"{name}执法监督情况", text, StringComparison.Ordinal);
        Assert.Contains($"期间登记问题{problems}个：已销账{writtenOff}个", text, StringComparison.Ordinal);
        Assert.Contains($"期间登记涉企检查{inspections}次", text, StringComparison.Ordinal);
        Assert.Contains("期间交办", text, StringComparison.Ordinal);
        Assert.Contains("合法性预警", text, StringComparison.Ordinal);

        var other = await UnitOf("unit02");
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/reports/units/{other}/docx"), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Contains("执法监督情况", await DocxText(await supervisor.GetAsync($"/api/v1/reports/units/{other}/docx")), StringComparison.Ordinal);
        using var observer = await app.ClientFor("observer");
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/reports/units/{other}/pdf")).StatusCode);
        foreach (var user in new[] { "inspector", "enterprise", "admin" })
        {
            using var client = await app.ClientFor(user);
            await HttpAssert.Problem(await client.GetAsync($"/api/v1/reports/units/{unit}/docx"), HttpStatusCode.Forbidden);
        }
        var invalid = await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/reports/units/{unit}/docx?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}"), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("from", out _));
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/reports/units/999999/docx"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReportsPage_ListsCountyDownloadsForTheBureau_AndOnlyTheOwnUnitForAUnitAccount()
    {
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var html = await supervisor.GetHtmlAsync("/Reports");
        Assert.Contains("data-testid=\"campaign-docx\"", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/reports/statistics/{ChinaTime.Today(app.Clock).Year - 1}/xlsx", html, StringComparison.Ordinal);
        Assert.Equal(22, html.Split("<option value=").Length - 1);

        using var unit = await PageSession.SignInAsync(app, "unit01");
        var own = await unit.GetHtmlAsync("/Reports");
        Assert.DoesNotContain("campaign-docx", own, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/reports/statistics", own, StringComparison.Ordinal);
        Assert.Equal(1, own.Split("<option value=").Length - 1);
        var redirect = await unit.Client.GetAsync($"/Reports?handler=Card&unit={await UnitOf("unit01")}&from=2026-01-01&to=2026-06-30");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/api/v1/reports/units/{await UnitOf("unit01")}/docx?from=2026-01-01&to=2026-06-30", redirect.Headers.Location?.OriginalString);

        using var inspector = await PageSession.SignInAsync(app, "inspector");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.Client.GetAsync("/Reports")).StatusCode);
    }
}
