using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>非执法走访 (调研、宣传、座谈): registered without approval or code, listed apart, counted in the burden view.</summary>
public sealed class VisitsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/inspections/visits")]
    public async Task Visit_IsListedApart_InItsUnitsScope_AndCountsInTheBurden()
    {
        var enterpriseId = await QuietEnterpriseId(app, 11);
        var date = Today(app).AddDays(1);
        var visit = await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, "unit06", enterpriseId, date, type: "Visit", purpose: "惠企政策宣传座谈", items: [], officers: []), HttpStatusCode.Created);
        Assert.Equal(InspectionType.Visit, visit.Type);
        Assert.Null(visit.Code);
        var routine = await RegisterAsync(app, "unit06", await QuietEnterpriseId(app, 12), date, type: "CaseDriven");

        using var unit06 = await app.ClientFor("unit06");
        var page = await HttpAssert.Ok<JsonElement>(await unit06.GetAsync($"/api/v1/inspections/visits?enterpriseId={enterpriseId}"));
        Assert.Equal(visit.Id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var all = await HttpAssert.Ok<JsonElement>(await unit06.GetAsync("/api/v1/inspections/visits?limit=200"));
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == routine.Id);

        using var unit05 = await app.ClientFor("unit05");
        var other = await HttpAssert.Ok<JsonElement>(await unit05.GetAsync($"/api/v1/inspections/visits?enterpriseId={enterpriseId}"));
        Assert.Empty(other.GetProperty("items").EnumerateArray());

        using var supervisor = await app.ClientFor("supervisor");
        var burden = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/burden?year={date.Year}&enterpriseId={enterpriseId}"));
        Assert.Equal(1, Assert.Single(burden).GetProperty("total").GetInt32());

        using var session = await PageSession.SignInAsync(app, "unit06");
        var html = await session.GetHtmlAsync($"/Inspections/Visits?enterpriseId={enterpriseId}");
        Assert.Contains("共 1 条", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-form\"", html, StringComparison.Ordinal);
        Assert.Contains($"/Inspections/Detail/{visit.Id}", html, StringComparison.Ordinal);
        Assert.Equal(InspectionType.Visit, (await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == visit.Id))).Type);
    }
}
