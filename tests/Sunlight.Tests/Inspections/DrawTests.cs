using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>双随机一公开 (Features/Inspections/Draws): reproducible from published inputs, public, and refused when larger than the pool.</summary>
public sealed class DrawTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static object Body(string nonce, int targets, int inspectors = 2, string? industry = "餐饮") =>
        new { title = "2026 年第四季度食品安全双随机抽查", publicNonce = nonce, targetCount = targets, inspectorCount = inspectors, industry };

    [Fact]
    [ScopeCovered("POST /api/v1/inspections/draws")]
    [ScopeCovered("GET /api/v1/inspections/draws/{id:long}")]
    public async Task Draw_IsPublic_ReproducedFromItsInputs_SameInputsSameResult_OtherNonceDiffers()
    {
        using var unit = await app.ClientFor("unit03");
        var first = await HttpAssert.Ok<JsonElement>(await unit.PostJson("/api/v1/inspections/draws", Body("福彩3D 2026320 期 517", 5)), HttpStatusCode.Created);
        var id = first.GetProperty("id").GetInt64();
        using var anonymous = app.CreateClient();
        var shown = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/draws/{id}"));
        Assert.True(shown.GetProperty("reproduced").GetBoolean());
        Assert.Equal(5, shown.GetProperty("enterprises").GetArrayLength());
        Assert.Equal(2, shown.GetProperty("officers").GetArrayLength());
        Assert.Equal(64, shown.GetProperty("seed").GetString()!.Length);

        var again = await HttpAssert.Ok<JsonElement>(await unit.PostJson("/api/v1/inspections/draws", Body("福彩3D 2026320 期 517", 5)), HttpStatusCode.Created);
        Assert.Equal(shown.GetProperty("seed").GetString(), again.GetProperty("seed").GetString());
        Assert.Equal(shown.GetProperty("enterprises").ToString(), again.GetProperty("enterprises").ToString());
        var other = await HttpAssert.Ok<JsonElement>(await unit.PostJson("/api/v1/inspections/draws", Body("福彩3D 2026321 期 004", 5)), HttpStatusCode.Created);
        Assert.NotEqual(shown.GetProperty("seed").GetString(), other.GetProperty("seed").GetString());

        // Tampering with the stored result is visible to anyone who re-runs it.
        await app.Db(async db =>
        {
            var d = await db.Set<RandomDraw>().SingleAsync(x => x.Id == id);
            d.EnterpriseIds = [.. d.EnterpriseIds.Skip(1), d.PoolIds.First(p => !d.EnterpriseIds.Contains(p))];
            return await db.SaveChangesAsync();
        });
        Assert.False((await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/inspections/draws/{id}"))).GetProperty("reproduced").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/inspections/draws/999999")).StatusCode);

        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostJson("/api/v1/inspections/draws", Body("x", 1))).StatusCode);
    }

    [Fact]
    public async Task Draw_LargerThanPool_OrEligibleOfficers_IsRefused_AndNothingStored()
    {
        using var unit = await app.ClientFor("unit03");
        var pool = await app.Db(db => db.Enterprises.CountAsync(e => e.Industry == "餐饮"));
        var targets = await HttpAssert.Problem(await unit.PostJson("/api/v1/inspections/draws", Body("n", pool + 1)), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.DrawSize, targets.GetProperty("rule").GetString());
        var inspectors = await HttpAssert.Problem(await unit.PostJson("/api/v1/inspections/draws", Body("n", 1, inspectors: 100)), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.DrawSize, inspectors.GetProperty("rule").GetString());
        var nonce = await HttpAssert.Problem(await unit.PostJson("/api/v1/inspections/draws", Body(new string('n', InspectionColumns.NonceLength + 1), 1)), HttpStatusCode.BadRequest);
        Assert.True(nonce.GetProperty("errors").TryGetProperty("publicNonce", out _));
        Assert.Equal(0, await app.Db(db => db.Set<RandomDraw>().CountAsync(d => d.PublicNonce == "n")));
    }
}
