using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Import;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Registry;

public sealed class EnterpriseImportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly string[] Columns = ["统一社会信用代码", "企业名称", "地址", "行业", "法定代表人", "联系电话"];

    private static string NewUscc() => DemoSeeder.MakeUscc(Random.Shared, "91");

    private static string WrongCheckDigit(string uscc) =>
        uscc[..17] + Uscc.Alphabet[(Uscc.Alphabet.IndexOf(uscc[17], StringComparison.Ordinal) + 1) % Uscc.Alphabet.Length];

    private async Task<(byte[] File, string[] Valid, string[] Invalid)> MixedFileAsync()
    {
        var existing = await app.Db(db => db.Enterprises.Select(e => e.Uscc).FirstAsync());
        string a = NewUscc(), b = NewUscc(), c = NewUscc();
        var file = Xlsx([
            Row(Columns, a, "青禾县导入一号有限公司", "城关镇 1 号", "制造", "甲", "0599-1"),       // row 2: valid
            Row(Columns, WrongCheckDigit(b), "青禾县导入二号有限公司"),                           // row 3
            Row(Columns, c, null, "城关镇 3 号"),                                                 // row 4
            Row(Columns, a.ToLowerInvariant(), "青禾县导入重复有限公司"),                         // row 5
            Row(Columns, existing, "青禾县已登记有限公司"),                                       // row 6
            Row(Columns, c, "青禾县导入七号有限公司", null, "餐饮"),                              // row 7: valid
        ]);
        return (file, [a, c], [WrongCheckDigit(b)]);
    }

    private static readonly string[] ExpectedErrors =
    [
        "第 3 行：统一社会信用代码校验位错误",
        "第 4 行：请填写企业名称",
        "第 5 行：统一社会信用代码与第 2 行重复",
        "第 6 行：该统一社会信用代码已登记",
    ];

    [Fact]
    [ScopeCovered("POST /api/v1/enterprises/import")]
    public async Task Import_Strict_WithErrors_WritesNothing_AndReportsEveryRowInChinese()
    {
        using var client = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var (file, valid, _) = await MixedFileAsync();

        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/enterprises/import", Upload(file, "企业.xlsx")), HttpStatusCode.BadRequest);

        Assert.Equal(ExpectedErrors, body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(6, body.GetProperty("rows").GetInt32());
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => valid.Contains(e.Uscc))));

        // Observers and enterprise accounts may not import at all.
        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostAsync("/api/v1/enterprises/import", Upload(file, "企业.xlsx")), HttpStatusCode.Forbidden);
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.PostAsync("/api/v1/enterprises/import?mode=validOnly", Upload(file, "企业.xlsx")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
    }

    [Fact]
    public async Task Import_ValidOnly_WritesTheValidRowsOnly_InOneGo()
    {
        using var client = await app.ClientFor("unit04");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var (file, valid, invalid) = await MixedFileAsync();

        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/enterprises/import?mode=validOnly", Upload(file, "企业.xlsx")));

        Assert.Equal(2, result.Imported);
        Assert.Equal(ExpectedErrors, result.Errors);
        Assert.Equal(before + 2, await app.Db(db => db.Enterprises.CountAsync()));
        var stored = await app.Db(db => db.Enterprises.Where(e => valid.Contains(e.Uscc)).OrderBy(e => e.Name).ToListAsync());
        Assert.Equal(["青禾县导入一号有限公司", "青禾县导入七号有限公司"], stored.Select(e => e.Name));
        Assert.All(stored, e => Assert.Equal("359901", e.RegionCode));
        Assert.Equal("餐饮", stored.Single(e => e.Uscc == valid[1]).Industry);
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => invalid.Contains(e.Uscc))));
        Assert.Equal(2, await app.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Enterprise) && a.Actor == "unit04" && a.Action == "Create")));
    }

    [Fact]
    public async Task Import_Csv_InGb18030_WithBlankLine_KeepsExcelRowNumbers()
    {
        using var client = await app.ClientFor("supervisor");
        string a = NewUscc(), b = NewUscc();
        var csv = string.Join("\r\n", "统一社会信用代码,企业名称,地址,行业,法定代表人,联系电话",
            $"{a},\"青禾县CSV一号有限公司\",\"城关镇 5 号, 东侧\",零售,乙,13800000000",
            "",
            $"{WrongCheckDigit(b)},青禾县CSV坏码有限公司,,,,") + "\r\n";

        var strict = await HttpAssert.Problem(await client.PostAsync("/api/v1/enterprises/import", Upload(Gb18030().GetBytes(csv), "企业.csv")), HttpStatusCode.BadRequest);
        Assert.Equal(["第 4 行：统一社会信用代码校验位错误"], strict.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => e.Uscc == a)));

        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/enterprises/import?mode=validonly", Upload(Gb18030().GetBytes(csv), "企业.csv")));
        Assert.Equal(1, result.Imported);
        var stored = await app.Db(db => db.Enterprises.SingleAsync(e => e.Uscc == a));
        Assert.Equal("青禾县CSV一号有限公司", stored.Name);
        Assert.Equal("城关镇 5 号, 东侧", stored.Address);
        Assert.Equal("13800000000", stored.Phone);
    }

    [Fact]
    public async Task Import_RefusesUnknownTypes_TooManyRows_MissingColumns_AndBadMode()
    {
        using var client = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.Enterprises.CountAsync());

        async Task<string?> Error(HttpContent content, string query = "")
        {
            var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/enterprises/import" + query, content), HttpStatusCode.BadRequest);
            return Assert.Single(body.GetProperty("errors").EnumerateArray().ToList()).GetString();
        }

        Assert.Equal("不支持的文件类型，请上传 .xlsx 或 .csv 文件", await Error(Upload([1, 2, 3], "企业.txt")));
        Assert.Equal("文件内容不是有效的 .xlsx 工作簿", await Error(Upload("not a workbook"u8.ToArray(), "企业.xlsx")));
        Assert.Equal("缺少必需的列：企业名称（请使用导入模板）", await Error(Upload(Xlsx([new Dictionary<string, object?> { ["统一社会信用代码"] = NewUscc() }]), "企业.xlsx")));
        Assert.Equal("导入模式 mode 只能为 strict（有错误则全部不导入）或 validOnly（仅导入有效行）", await Error(Upload(Xlsx([Row(Columns, NewUscc(), "某")]), "企业.xlsx"), "?mode=all"));
        var many = Enumerable.Range(0, ImportSheet.MaxRows + 1).Select(i => (IDictionary<string, object?>)Row(Columns, NewUscc(), $"批量企业{i}"));
        Assert.Equal("单次导入不能超过 5000 行，请拆分文件后再导入", await Error(Upload(Xlsx(many), "企业.xlsx")));
        Assert.Equal("文件不能超过 5 MB", await Error(Upload(new byte[ImportSheet.MaxBytes + 1], "企业.csv")));
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
    }
}
