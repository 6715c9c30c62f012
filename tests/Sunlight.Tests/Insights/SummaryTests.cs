using System.Globalization;
using System.Net;
using System.Text.Json;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Insights;

/// <summary>
/// The summary's figures come from records: for every key, with and without unit and period filters, the figure equals the
/// number of records its <c>recordsUrl</c> returns (followed page by page). Only the bureau, the liaison and the
/// administrator read it.
/// </summary>
public sealed class SummaryTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    public static readonly string[] RequiredKeys =
    [
        "units-supervised", "enterprises-visited", "problems", "problems-three-systems", "case-files-reviewed", "case-file-defects",
        "flexible-items", "first-violation-cases", "guidance-items", "complaints-received", "complaints-closed", "complaints-on-time",
        "inspections", "inspection-overlaps", "joint-inspections", "warnings-open", "rectifications-overdue",
    ];

    private async Task<string[]> FiltersAsync()
    {
        var unit = await UnitIdOf(app, "unit03");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ["", $"?unit={unit}", $"?from={from}&to={to}", $"?unit={unit}&from={from}&to={to}", "?from=2000-01-01&to=2000-12-31"];
    }

    [Fact]
    [ScopeCovered("GET /api/v1/insights/summary")]
    public async Task EveryFigure_EqualsTheRecordsItsUrlReturns_WithAndWithoutFilters()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var campaigns = (await Json(await supervisor.GetAsync("/api/v1/campaigns"))).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetInt64()).ToList();
        var filters = (await FiltersAsync()).Concat(campaigns.Select(c => $"?campaign={c}")).ToList();
        var nonZero = new HashSet<string>();
        foreach (var filter in filters)
        {
            var figures = (await Json(await supervisor.GetAsync("/api/v1/insights/summary" + filter))).GetProperty("figures").EnumerateArray().ToList();
            var keys = figures.Select(f => f.GetProperty("key").GetString()!).ToList();
            Assert.Empty(RequiredKeys.Except(keys));
            Assert.Equal(keys.Count, keys.Distinct().Count());
            foreach (var f in figures)
            {
                var key = f.GetProperty("key").GetString()!;
                var value = f.GetProperty("value").GetInt32();
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("label").GetString()));
                Assert.True(value == await CountRecordsAsync(supervisor, f.GetProperty("recordsUrl").GetString()!), $"{key}{filter}: {value}");
                if (value > 0)
                {
                    nonZero.Add(key);
                }
            }
        }
        // The demo county has records behind (at least) these, so the equality above was tested on real rows.
        Assert.Empty(new[] { "units-supervised", "enterprises-visited", "problems", "problems-three-systems", "case-files-reviewed", "case-file-defects",
            "flexible-items", "first-violation-cases", "guidance-items", "complaints-received", "inspections" }.Except(nonZero));
    }

    [Fact]
    public async Task UnitAndPeriod_NarrowTheFigures()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var filters = await FiltersAsync();
        var all = await FiguresAsync(supervisor, "");
        var unit = await FiguresAsync(supervisor, filters[1]);
        var longAgo = await FiguresAsync(supervisor, filters[4]);
        Assert.True(unit["problems"] < all["problems"] && unit["complaints-received"] <= all["complaints-received"]);
        Assert.All(new[] { "complaints-received", "problems", "inspections", "first-violation-cases" }, k => Assert.Equal(0, longAgo[k]));
    }

    [Fact]
    public async Task Observer_AndAdmin_Read_UnitAndEnterprise_AreRefused()
    {
        foreach (var user in new[] { "observer", "admin" })
        {
            using var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/insights/summary")).StatusCode);
        }
        foreach (var user in new[] { "unit01", "unit03", "enterprise" })
        {
            using var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/insights/summary")).StatusCode);
        }
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/v1/insights/summary?campaign=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/insights/summary?from=notadate")).StatusCode);
    }

    private static async Task<Dictionary<string, int>> FiguresAsync(HttpClient client, string filter) =>
        (await Json(await client.GetAsync("/api/v1/insights/summary" + filter))).GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt32());

    /// <summary>The records a recordsUrl returns: every page of a keyset list (its total checked on each), or a whole record list.</summary>
    internal static async Task<int> CountRecordsAsync(HttpClient client, string url)
    {
        var ids = new HashSet<long>();
        long? after = null;
        do
        {
            var page = await Json(await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "limit=200" + (after is { } a ? $"&after={a}" : "")));
            var total = page.GetProperty("total").GetInt32();
            var rows = page.TryGetProperty("items", out var items) ? items : page.GetProperty("records");
            var added = rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
            Assert.All(added, id => Assert.True(ids.Add(id), $"{url}: record {id} twice"));
            after = page.TryGetProperty("nextCursor", out var next) && next.ValueKind != JsonValueKind.Null ? next.GetInt64() : null;
            Assert.True(after is not null || total == ids.Count, $"{url}: total {total}, listed {ids.Count}");
        }
        while (after is not null);
        return ids.Count;
    }
}
