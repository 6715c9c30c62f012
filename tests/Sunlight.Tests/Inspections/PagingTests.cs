using System.Text.Json;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>The inspection lists page by keyset (after, limit, newest first) with their total (共 N 条).</summary>
public sealed class PagingTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Plans_PageByKeyset_NewestFirst_WithTotal_AndThePageShowsIt()
    {
        var unitId = await UnitId(app, "unit07");
        using var unit07 = await app.ClientFor("unit07");
        var items = (await ItemIds(app, unitId)).Take(1).ToArray();
        var filed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            filed.Add(await PlanAsync(unit07, items, Today(app).Year + 1));
        }
        var first = await HttpAssert.Ok<JsonElement>(await unit07.GetAsync("/api/v1/inspections/plans?limit=2"));
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        var firstIds = first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([filed[2], filed[1]], firstIds);
        var cursor = first.GetProperty("nextCursor").GetInt64();
        var second = await HttpAssert.Ok<JsonElement>(await unit07.GetAsync($"/api/v1/inspections/plans?limit=2&after={cursor}"));
        Assert.Equal(filed[0], second.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(total, second.GetProperty("total").GetInt32());

        using var session = await PageSession.SignInAsync(app, "unit07");
        Assert.Contains($"共 {total} 条", await session.GetHtmlAsync("/Inspections/Plans"), StringComparison.Ordinal);
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        Assert.Matches("共 \\d+ 条", await supervisor.GetHtmlAsync("/Inspections/Ratings"));
    }
}
