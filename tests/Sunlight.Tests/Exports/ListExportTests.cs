using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;

namespace Sunlight.Tests.Exports;

/// <summary>
/// Every list exports what it lists: for each list, the .xlsx (read with the OpenXml SDK) has exactly as many rows as the
/// list's own total for the same filters, for a Supervisor (the county) and for a unit (its own rows only).
/// </summary>
public sealed class ListExportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    public static TheoryData<string, string, string?> Lists => new()
    {
        { "/api/v1/cases", "/api/v1/cases/export", "执法单位" },
        { "/api/v1/cases/warnings", "/api/v1/cases/warnings/export", "执法单位" },
        { "/api/v1/inspections", "/api/v1/inspections/export", "检查单位" },
        { "/api/v1/campaigns", "/api/v1/campaigns/export", null },
        { "/api/v1/leniency/lists", "/api/v1/leniency/lists/export", "执法单位" },
        { "/api/v1/leniency/items", "/api/v1/leniency/items/export", null },
        { "/api/v1/leniency/exemptions", "/api/v1/leniency/exemptions/export", "执法单位" },
        { "/api/v1/leniency/guidance/records", "/api/v1/leniency/guidance/records/export", "执法单位" },
        { "/api/v1/leniency/guidance/requests", "/api/v1/leniency/guidance/requests/export", "执法单位" },
        { "/api/v1/units", "/api/v1/units/export", null },
        { "/api/v1/enforcement-items", "/api/v1/enforcement-items/export", null },
        { "/api/v1/inspection-items", "/api/v1/inspection-items/export", null },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    [ScopeCovered("GET /api/v1/cases/export")]
    [ScopeCovered("GET /api/v1/cases/warnings/export")]
    [ScopeCovered("GET /api/v1/inspections/export")]
    [ScopeCovered("GET /api/v1/campaigns/export")]
    [ScopeCovered("GET /api/v1/leniency/lists/export")]
    [ScopeCovered("GET /api/v1/leniency/items/export")]
    [ScopeCovered("GET /api/v1/leniency/exemptions/export")]
    [ScopeCovered("GET /api/v1/leniency/guidance/records/export")]
    [ScopeCovered("GET /api/v1/leniency/guidance/requests/export")]
    [ScopeCovered("GET /api/v1/units/export")]
    [ScopeCovered("GET /api/v1/enforcement-items/export")]
    [ScopeCovered("GET /api/v1/inspection-items/export")]
    public async Task Export_HasTheListsRows_ForTheCountyAndForAUnit(string list, string export, string? unitColumn)
    {
        using var supervisor = await app.ClientFor("supervisor");
        var county = await ExportedSheet.GetAsync(supervisor, export);
        Assert.Equal(await TotalAsync(supervisor, list), county.Rows.Count);
        Assert.NotEmpty(county.Headers);
        Assert.Equal(county.Headers.Count, county.Widths.Count);

        foreach (var user in new[] { "unit03", "unit09" })
        {
            using var unit = await app.ClientFor(user);
            var sheet = await ExportedSheet.GetAsync(unit, export);
            Assert.Equal(await TotalAsync(unit, list), sheet.Rows.Count);
            if (unitColumn is not null)
            {
                var code = "U" + user[^2..];
                var name = await app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Name).SingleAsync());
                Assert.All(sheet.Rows, r => Assert.Equal(name, r[unitColumn]));
                Assert.True(sheet.Rows.Count <= county.Rows.Count);
            }
        }
    }

    [Fact]
    public async Task Export_KeepsTheListsFilters()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var unit = await app.Db(db => db.Units.Where(u => u.Code == "U09").Select(u => u.Id).SingleAsync());
        foreach (var (list, export) in new[] { ("/api/v1/cases", "/api/v1/cases/export"), ("/api/v1/leniency/exemptions", "/api/v1/leniency/exemptions/export") })
        {
            var filtered = await ExportedSheet.GetAsync(supervisor, $"{export}?unitId={unit}");
            Assert.Equal(await TotalAsync(supervisor, $"{list}?unitId={unit}"), filtered.Rows.Count);
        }
    }

    [Fact]
    public async Task GuidanceRequestExport_MasksTheContactPhone()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var sheet = await ExportedSheet.GetAsync(supervisor, "/api/v1/leniency/guidance/requests/export");
        var page = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/leniency/guidance/requests");
        foreach (var contact in page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contact").GetString()!).Where(c => c.Length > 7))
        {
            Assert.DoesNotContain(contact, sheet.AllText, StringComparison.Ordinal);
        }
        Assert.All(sheet.Rows, r => Assert.True(r["联系方式"] is null || r["联系方式"]!.Contains('*', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GuidanceRequestExport_ForAnEnterprise_HasItsOwnRequestsOnly()
    {
        using var enterprise = await app.ClientFor("enterprise");
        var own = await app.Db(db => db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc!).SingleAsync());
        var unit = await app.Db(db => db.Units.Where(u => u.Code == "U04").Select(u => new { u.Id, u.RegionCode }).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostJson("/api/v1/leniency/guidance/requests", new { unitId = unit.Id, matter = "本企业的导出测试申请", contact = "13800000000" })).StatusCode);
        await app.Db(db =>
        {
            db.Add(new GuidanceRequest
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Uscc = "91359901MA00000000", EnterpriseName = "另一家导出测试企业", Contact = "13900000000",
                Matter = "另一企业的导出测试申请", SubmittedAt = app.Clock.GetUtcNow(), DueOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(7),
            });
            return db.SaveChangesAsync();
        });

        var sheet = await ExportedSheet.GetAsync(enterprise, "/api/v1/leniency/guidance/requests/export");
        using var supervisor = await app.ClientFor("supervisor");
        var county = await ExportedSheet.GetAsync(supervisor, "/api/v1/leniency/guidance/requests/export");

        Assert.Equal(await TotalAsync(enterprise, "/api/v1/leniency/guidance/requests"), sheet.Rows.Count);
        Assert.Contains("本企业的导出测试申请", sheet.AllText, StringComparison.Ordinal);
        Assert.All(sheet.Rows, r => Assert.Equal(own, r["统一社会信用代码"]));
        Assert.DoesNotContain("另一家导出测试企业", sheet.AllText, StringComparison.Ordinal);
        Assert.Contains("另一家导出测试企业", county.AllText, StringComparison.Ordinal);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("total").GetInt32();
    }
}
