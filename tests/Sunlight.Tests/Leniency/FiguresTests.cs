using System.Net;
using System.Text.Json;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>The figures come from records: the demo county's press-conference numbers, and each recordsUrl returns exactly what was counted.</summary>
public sealed class FiguresTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    public static TheoryData<string> Keys => new(["flexible-items", "no-penalty-items", "first-violation-cases", "exemption-cases", "guidance-items", "guidance-records",
        "pledges-kept", "pledges-broken", "pledges-pending"]);

    [Fact]
    public async Task DemoCounty_HasThePressConferenceFigures()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var figures = (await Json(await supervisor.GetAsync("/api/v1/leniency/figures"))).GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt32());
        Assert.Equal(LeniencyDemoSeed.FlexibleItems, figures["flexible-items"]);
        Assert.Equal(LeniencyDemoSeed.FirstViolationCases, figures["first-violation-cases"]);
        Assert.Equal(LeniencyDemoSeed.GuidanceItems, figures["guidance-items"]);
        Assert.Equal(figures["first-violation-cases"], figures["pledges-kept"] + figures["pledges-broken"] + figures["pledges-pending"]);
        Assert.True(figures["pledges-kept"] > 0 && figures["pledges-broken"] > 0 && figures["pledges-pending"] > 0);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    [ScopeCovered("GET /api/v1/leniency/figures")]
    public async Task RecordsUrl_ReturnsExactlyTheRecordsCounted_CountyAndUnit(string key)
    {
        foreach (var (user, query) in new[] { ("supervisor", ""), ("supervisor", $"?unitId={await UnitIdOf(app, "unit03")}&from=2000-01-01"), ("unit03", "") })
        {
            using var client = await app.ClientFor(user);
            var figure = (await Json(await client.GetAsync("/api/v1/leniency/figures" + query))).GetProperty("figures").EnumerateArray()
                .Single(f => f.GetProperty("key").GetString() == key);
            var value = figure.GetProperty("value").GetInt32();
            var ids = new List<long>();
            var url = figure.GetProperty("recordsUrl").GetString()!;
            long? after = null;
            do
            {
                var page = await Json(await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "limit=200" + (after is { } a ? $"&after={a}" : "")));
                Assert.Equal(value, page.GetProperty("total").GetInt32());
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
                after = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetInt64();
            }
            while (after is not null);
            Assert.Equal(value, ids.Distinct().Count());
        }
        using var enterprise = await app.ClientFor("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/v1/leniency/figures")).StatusCode);
    }
}
