using System.Net;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Insights;

/// <summary>
/// Each capability's <c>/figures</c> (complaints, problems, inspections, legality warnings): the county's figures for the
/// bureau, the liaison and the administrator. Unit accounts are refused rather than narrowed: the inspection figures count
/// joint inspections, which belong to the county, and one rule for all four is simpler to hold.
/// </summary>
public sealed class CapabilityFiguresTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    public static TheoryData<string> Paths => new(["/api/v1/complaints", "/api/v1/problems", "/api/v1/inspections", "/api/v1/cases"]);

    [Theory]
    [MemberData(nameof(Paths))]
    [ScopeCovered("GET /api/v1/complaints/figures")]
    [ScopeCovered("GET /api/v1/complaints/figures/{key}/records")]
    [ScopeCovered("GET /api/v1/problems/figures")]
    [ScopeCovered("GET /api/v1/problems/figures/{key}/records")]
    [ScopeCovered("GET /api/v1/inspections/figures")]
    [ScopeCovered("GET /api/v1/inspections/figures/{key}/records")]
    [ScopeCovered("GET /api/v1/cases/figures")]
    [ScopeCovered("GET /api/v1/cases/figures/{key}/records")]
    public async Task Figures_ForTheBureau_RefusedToUnitsAndEnterprises(string path)
    {
        var unit = await UnitIdOf(app, "unit03");
        foreach (var user in new[] { "supervisor", "observer", "admin" })
        {
            using var client = await app.ClientFor(user);
            foreach (var filter in new[] { "", $"?unitId={unit}", "?from=2026-01-01&to=2026-12-31" })
            {
                var figures = (await Json(await client.GetAsync(path + "/figures" + filter))).GetProperty("figures").EnumerateArray().ToList();
                Assert.NotEmpty(figures);
                foreach (var f in figures)
                {
                    var url = f.GetProperty("recordsUrl").GetString()!;
                    Assert.StartsWith(path + "/figures/", url, StringComparison.Ordinal);
                    Assert.Equal(f.GetProperty("value").GetInt32(), await SummaryTests.CountRecordsAsync(client, url));
                }
            }
        }
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(path + "/figures/no-such-key/records")).StatusCode);
        foreach (var user in new[] { "unit01", "unit03", "enterprise" })
        {
            using var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path + "/figures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path + "/figures/problems/records")).StatusCode);
        }
    }

    [Fact]
    public async Task UnitFilter_ListsOnlyThatUnitsRecords()
    {
        var unit = await UnitIdOf(app, "unit03");
        using var supervisor = await app.ClientFor("supervisor");
        var rows = (await Json(await supervisor.GetAsync($"/api/v1/problems/figures/problems/records?unitId={unit}&limit=200"))).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(unit, r.GetProperty("unitId").GetInt64()));
    }
}
