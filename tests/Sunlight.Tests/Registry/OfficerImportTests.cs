using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Infrastructure.Import;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Registry;

public sealed class OfficerImportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly string[] Columns = ["单位编码", "姓名", "职务", "辅助人员", "执法证号", "执法类别", "有效期起", "有效期止"];

    private async Task<byte[]> MixedFileAsync(string prefix)
    {
        var taken = await app.Db(db => db.Credentials.Select(c => c.Number).FirstAsync());
        return Xlsx([
            Row(Columns, "U01", prefix + "甲", "执法队员", "否", prefix + "-0001", "市场监管执法", new DateTime(2025, 1, 1), new DateTime(2030, 12, 31)), // 2: valid
            Row(Columns, "U02", prefix + "乙", "执法队员", "否"),                                                                                     // 3
            Row(Columns, "U01", prefix + "丙", "协管员", "是", prefix + "-0003", "市场监管执法", "2025-01-01", "2030-12-31"),                         // 4
            Row(Columns, "U01", prefix + "丁", "执法队员", "否", prefix + "-0001", "市场监管执法", "2025/1/1", "2030/12/31"),                         // 5
            Row(Columns, "U01", prefix + "戊", "执法队员", "否", taken, "市场监管执法", "2025-01-01", "2030-12-31"),                                  // 6
            Row(Columns, "U01", prefix + "己", "执法队员", "否", prefix + "-0007", "市场监管执法", "2031-01-01", "2030-12-31"),                       // 7
            Row(Columns, "U01", prefix + "庚", "协管员", "是"),                                                                                       // 8: valid
            Row(Columns, "U01", prefix + "辛", "执法队员", "也许", prefix + "-0009", "市场监管执法", "明年", "2030-12-31"),                           // 9
        ]);
    }

    /// <summary>What the mixed file's bad rows are told, each repeating the value it gave.</summary>
    private async Task<string[]> ExpectedErrorsAsync(string prefix)
    {
        var taken = await app.Db(db => db.Credentials.Select(c => c.Number).FirstAsync());
        return
        [
            "第 3 行：单位编码“U02”不存在或不在您的管辖范围内",
            "第 4 行：辅助人员不得持有执法证",
            $"第 5 行：执法证号“{prefix}-0001”与第 2 行重复",
            $"第 6 行：执法证号“{taken}”已登记在其他人员名下",
            "第 7 行：执法证有效期止不能早于有效期起（填写的是“2030-12-31”）",
            "第 9 行：辅助人员应填写“是”或“否”",
            "第 9 行：有效期起“明年”日期格式错误（应为 2025-01-31 这样的日期）",
        ];
    }

    [Fact]
    [ScopeCovered("POST /api/v1/officers/import")]
    public async Task UnitStaff_StrictImport_WithErrors_WritesNothing_AndCannotReachAnotherUnit()
    {
        using var client = await app.ClientFor("unit01");
        var before = await app.Db(db => db.Officers.CountAsync());

        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/officers/import", Upload(await MixedFileAsync("严格"), "人员.xlsx")), HttpStatusCode.BadRequest);

        Assert.Equal(await ExpectedErrorsAsync("严格"), body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await app.Db(db => db.Officers.CountAsync()));
        Assert.False(await app.Db(db => db.Credentials.AnyAsync(c => c.Number.StartsWith("严格"))));

        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostAsync("/api/v1/officers/import?mode=validOnly", Upload(await MixedFileAsync("观察"), "人员.xlsx")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await app.Db(db => db.Officers.CountAsync()));
    }

    [Fact]
    public async Task UnitStaff_ValidOnlyImport_WritesValidRowsIntoOwnUnit()
    {
        using var client = await app.ClientFor("unit01");
        var before = await app.Db(db => db.Officers.CountAsync());

        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/officers/import?mode=validOnly", Upload(await MixedFileAsync("有效"), "人员.xlsx")));

        Assert.Equal(2, result.Imported);
        Assert.Equal(await ExpectedErrorsAsync("有效"), result.Errors);
        Assert.Equal(before + 2, await app.Db(db => db.Officers.CountAsync()));
        var stored = await app.Db(db => db.Officers.Include(o => o.Unit).Include(o => o.Credentials).Where(o => o.Name.StartsWith("有效")).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(["有效甲", "有效庚"], stored.Select(o => o.Name));
        Assert.All(stored, o => Assert.Equal("U01", o.Unit!.Code));
        var credential = Assert.Single(stored[0].Credentials);
        Assert.Equal(("有效-0001", new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31)), (credential.Number, credential.ValidFrom, credential.ValidTo));
        Assert.True(stored[1].IsAuxiliary);
        Assert.Empty(stored[1].Credentials);
    }

    [Fact]
    public async Task Supervisor_ImportsCsv_IntoAnyUnit()
    {
        using var client = await app.ClientFor("supervisor");
        var csv = "单位编码,姓名,职务,辅助人员,执法证号,执法类别,有效期起,有效期止\nU05,导入者一,执法队员,否,CSV-U05-1,住建执法,2024-03-01,2029-02-28\nU09,导入者二,协管员,是,,,,\n";
        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/officers/import", Upload(System.Text.Encoding.UTF8.GetBytes(csv), "officers.CSV")));
        Assert.Equal(2, result.Imported);
        Assert.Equal("U05", await app.Db(db => db.Officers.Where(o => o.Name == "导入者一").Select(o => o.Unit!.Code).SingleAsync()));
        Assert.Equal("U09", await app.Db(db => db.Officers.Where(o => o.Name == "导入者二").Select(o => o.Unit!.Code).SingleAsync()));

        // The same file again: the people and the credential are already there.
        var again = await HttpAssert.Problem(await client.PostAsync("/api/v1/officers/import", Upload(System.Text.Encoding.UTF8.GetBytes(csv), "officers.csv")), HttpStatusCode.BadRequest);
        var errors = again.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("第 2 行：执法证号“CSV-U05-1”已登记在其他人员名下", errors);
        Assert.Contains(errors, e => e!.StartsWith("第 3 行：", StringComparison.Ordinal) && e.Contains("已登记同名人员“导入者二”", StringComparison.Ordinal));
        Assert.Equal(1, await app.Db(db => db.Officers.CountAsync(o => o.Name == "导入者二")));
    }
}
