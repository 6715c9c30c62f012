using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Registry;

public sealed class RegistryExportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    [ScopeCovered("GET /api/v1/enterprises/export")]
    public async Task EnterpriseExport_HasChineseHeaders_AndTheFilteredRows_EnterpriseRoleRefused()
    {
        using var client = await app.ClientFor("inspector");
        var response = await client.GetAsync("/api/v1/enterprises/export?industry=" + Uri.EscapeDataString("餐饮"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var content = await response.Content.ReadAsByteArrayAsync();

        var header = ReadXlsx(content, headerRow: false)[0].Values.Select(v => v?.ToString());
        Assert.Equal(["统一社会信用代码", "企业名称", "地址", "行业", "法定代表人", "联系电话"], header);
        var rows = ReadXlsx(content);
        var expected = await app.Db(db => db.Enterprises.Where(e => e.Industry == "餐饮").OrderBy(e => e.Id).Select(e => e.Uscc).ToListAsync());
        Assert.Equal(expected, rows.Select(r => r["统一社会信用代码"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("餐饮", r["行业"]));

        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/enterprises/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/officers/export")]
    public async Task OfficerExport_ForUnitStaff_HoldsOnlyOwnUnit_EnterpriseRoleRefused()
    {
        using var client = await app.ClientFor("unit02");
        var content = await (await client.GetAsync("/api/v1/officers/export")).Content.ReadAsByteArrayAsync();

        var header = ReadXlsx(content, headerRow: false)[0].Values.Select(v => v?.ToString());
        Assert.Equal(["单位编码", "单位名称", "姓名", "职务", "辅助人员", "执法证号", "执法类别", "有效期起", "有效期止", "持证状态"], header);
        var rows = ReadXlsx(content);
        var expected = await app.Db(db => db.Officers.Where(o => o.Unit!.Code == "U02").OrderBy(o => o.Id).Select(o => o.Name).ToListAsync());
        Assert.Equal(expected, rows.Select(r => r["姓名"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("U02", r["单位编码"]));

        // Asking for another unit by filter yields an empty sheet with the header row, not their officers.
        var other = await app.Db(db => db.Units.Where(u => u.Code == "U03").Select(u => u.Id).SingleAsync());
        var empty = await (await client.GetAsync($"/api/v1/officers/export?unitId={other}")).Content.ReadAsByteArrayAsync();
        Assert.Equal("单位编码", ReadXlsx(empty, headerRow: false)[0].Values.First());
        Assert.All(ReadXlsx(empty), r => Assert.Null(r["姓名"]));

        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/officers/export"), HttpStatusCode.Forbidden);
    }
}
