using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>The demo year as the Supervisor sees it: caps exceeded, overlaps, one joint inspection, a reproducible draw, ratings.</summary>
public sealed class DemoInspectionsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task DemoYear_ShowsOverCaps_Overlaps_AJointInspection_APublishedDraw_AndRatings()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var year = Today(app).Year;
        var burden = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/burden?year={year}"));
        Assert.Contains(burden, b => b.GetProperty("byUnit").EnumerateArray().Any(u => u.GetProperty("count").GetInt32() > 2));
        var pairs = (await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?from={year}-01-01&to={year}-12-31&limit=200")))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(pairs, p => !p.GetProperty("sameUnit").GetBoolean());
        Assert.Contains(pairs, p => p.GetProperty("sameUnit").GetBoolean());
        Assert.True((await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync("/api/v1/inspections/joint/proposals"))).Count >= 2);

        var joint = await app.Db(db => db.Set<JointInspection>().AsNoTracking().SingleAsync());
        Assert.True(joint.UnitIds.Count >= 2);
        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/public/{joint.Code}"));
        Assert.True(view.GetProperty("isJoint").GetBoolean());
        Assert.True(view.GetProperty("rated").GetBoolean());

        var drawId = await app.Db(db => db.Set<RandomDraw>().Select(d => d.Id).SingleAsync());
        Assert.True((await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/draws/{drawId}"))).GetProperty("reproduced").GetBoolean());
        Assert.True((await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync("/api/v1/inspections/ratings"))).GetProperty("total").GetInt32() > 10);
        using var company = await app.ClientFor("enterprise");
        var mine = await HttpAssert.Ok<JsonElement>(await company.GetAsync("/api/v1/inspections/mine"));
        Assert.True(mine.GetProperty("inspections").GetArrayLength() > 0);

        using var browser = await app.LoginWithCookieAsync("supervisor");
        foreach (var page in new[] { "/Inspections", "/Inspections/Overlaps", "/Inspections/Ratings", $"/Public/Inspections/Draws/{drawId}", $"/Public/Inspections/{joint.Code}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        }
    }
}
