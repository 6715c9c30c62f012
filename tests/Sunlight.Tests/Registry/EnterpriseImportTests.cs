using System.Net;
using System.Net.Http.Json;
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

    private async Task<(byte[] File, string[] Valid, string[] Invalid, string[] Errors)> MixedFileAsync()
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
        // Each line repeats the value the row gave (normalised to upper case, as stored).
        return (file, [a, c], [WrongCheckDigit(b)], [
            $"第 3 行：统一社会信用代码“{WrongCheckDigit(b)}”校验位错误",
            "第 4 行：请填写企业名称",
            $"第 5 行：统一社会信用代码“{a}”与第 2 行重复",
            $"第 6 行：统一社会信用代码“{existing}”已登记",
        ]);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/enterprises/import")]
    public async Task Import_Strict_WithErrors_WritesNothing_AndReportsEveryRowInChinese()
    {
        using var client = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var (file, valid, _, expectedErrors) = await MixedFileAsync();

        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/enterprises/import", Upload(file, "企业.xlsx")), HttpStatusCode.BadRequest);

        Assert.Equal(expectedErrors, body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
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
        using var client = await app.ClientFor("admin");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var (file, valid, invalid, expectedErrors) = await MixedFileAsync();

        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/enterprises/import?mode=validOnly", Upload(file, "企业.xlsx")));

        Assert.Equal(2, result.Imported);
        Assert.Equal(expectedErrors, result.Errors);
        Assert.Equal(before + 2, await app.Db(db => db.Enterprises.CountAsync()));
        var stored = await app.Db(db => db.Enterprises.Where(e => valid.Contains(e.Uscc)).OrderBy(e => e.Name).ToListAsync());
        Assert.Equal(["青禾县导入一号有限公司", "青禾县导入七号有限公司"], stored.Select(e => e.Name));
        Assert.All(stored, e => Assert.Equal("359901", e.RegionCode));
        Assert.Equal("餐饮", stored.Single(e => e.Uscc == valid[1]).Industry);
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => invalid.Contains(e.Uscc))));
        Assert.Equal(2, await app.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Enterprise) && a.Actor == "admin" && a.Action == "Create")));
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
        Assert.Equal([$"第 4 行：统一社会信用代码“{WrongCheckDigit(b)}”校验位错误"], strict.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
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
        var many = "统一社会信用代码,企业名称\n" + string.Concat(Enumerable.Repeat("1,某\n", ImportSheet.MaxRows + 1));
        Assert.Equal("单次导入不能超过 200000 行，请拆分文件后再导入", await Error(Upload(System.Text.Encoding.UTF8.GetBytes(many), "企业.csv")));
        Assert.Equal("第 3 行的列数多于表头，请检查分隔符（应为英文逗号）和引号",
            await Error(Upload(System.Text.Encoding.UTF8.GetBytes($"统一社会信用代码,企业名称\n{NewUscc()},某甲\n{NewUscc()},某乙,多余\n"), "企业.csv")));
        Assert.Equal("文件不能超过 25 MB", await Error(Upload(new byte[ImportSheet.MaxBytes + 1], "企业.csv")));
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
    }

    /// <summary>
    /// A generated registry of 3,000 rows, 1,200 of them bad in four ways spread over the whole file: more bad rows than
    /// the report lists in full (<see cref="RowErrors.MaxRowsListed"/>), and more rows than one lookup chunk or write batch.
    /// </summary>
    private async Task<(string[] Lines, List<string> Good, List<int> Bad)> GeneratedAsync()
    {
        var existing = await app.Db(db => db.Enterprises.Select(e => e.Uscc).FirstAsync());
        var prefix = "91359901" + Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next()))[..3];
        var lines = new List<string> { string.Join(',', Columns) };
        var (good, bad) = (new List<string>(), new List<int>());
        for (var i = 0; i < 3000; i++)
        {
            var body = prefix + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var uscc = body + Uscc.CheckCharacter(body);
            var line = (i % 5) switch
            {
                1 when i % 10 == 1 => $"{WrongCheckDigit(uscc)},批量坏码企业{i},,,,",
                1 => $"{uscc},,城关镇 {i} 号,,,",
                3 when i % 10 == 3 => $"{good[^1].ToLowerInvariant()},批量重复企业{i},,,,",
                3 => $"{existing},批量已登记企业{i},,,,",
                _ => $"{uscc},\"批量企业{i}\",\"城关镇 {i} 号, 东侧\",制造,张{i},0599-{i}",
            };
            lines.Add(line);
            if (i % 5 is 1 or 3)
            {
                bad.Add(i + 2);
            }
            else
            {
                good.Add(uscc);
            }
        }
        return ([.. lines], good, bad);
    }

    [Fact]
    public async Task Import_GeneratedRegistry_Strict_WritesNothing_AndListsTheBadRows_BoundedReport()
    {
        using var client = await app.ClientFor("supervisor");
        var (lines, good, bad) = await GeneratedAsync();
        var (enterprises, audits) = await app.Db(async db => (await db.Enterprises.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync()));
        var file = Xlsx(lines.Skip(1).Select(l => (IDictionary<string, object?>)Row(Columns, SplitCsv(l))));

        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/enterprises/import", Upload(file, "企业.xlsx")), HttpStatusCode.BadRequest);

        Assert.Equal(3000, body.GetProperty("rows").GetInt32());
        Assert.Equal(1800, body.GetProperty("valid").GetInt32());
        Assert.Equal("文件中有 1200 行有错误，请修正后重新导入，或选择仅导入有效行。", body.GetProperty("detail").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(RowErrors.MaxRowsListed + 1, errors.Count);
        Assert.Matches("^第 3 行：统一社会信用代码“[0-9A-Z]{18}”校验位错误$", errors[0]);
        Assert.Matches("^第 5 行：统一社会信用代码“[0-9A-Z]{18}”与第 4 行重复$", errors[1]);
        Assert.Equal("第 8 行：请填写企业名称", errors[2]);
        Assert.Matches("^第 10 行：统一社会信用代码“[0-9A-Z]{18}”已登记$", errors[3]);
        Assert.Equal(bad.Take(RowErrors.MaxRowsListed).Select(n => $"第 {n} 行："), errors.Take(RowErrors.MaxRowsListed).Select(e => e[..(e.IndexOf('：') + 1)]));
        Assert.Equal("……共 1200 行有错误，以上列出前 1000 行，其余 200 行未逐一列出。", errors[^1]);
        Assert.Equal((enterprises, audits), await app.Db(async db => (await db.Enterprises.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync())));
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => good.Contains(e.Uscc))));
    }

    [Fact]
    public async Task Import_GeneratedRegistry_Gbk_ValidOnly_WritesExactlyTheGoodRows_EachWithItsAuditEntry()
    {
        using var client = await app.ClientFor("supervisor");
        var (lines, good, _) = await GeneratedAsync();
        var before = await app.Db(db => db.Enterprises.IgnoreQueryFilters().CountAsync());
        var lastAudit = await app.Db(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var csv = Gb18030().GetBytes(string.Join("\r\n", lines) + "\r\n");

        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/enterprises/import?mode=validOnly", Upload(csv, "企业.csv")));

        Assert.Equal((3000, 1800, 1800), (result.Rows, result.Valid, result.Imported));
        Assert.Equal(before + 1800, await app.Db(db => db.Enterprises.IgnoreQueryFilters().CountAsync()));
        var stored = await app.Db(db => db.Enterprises.IgnoreQueryFilters().Where(e => good.Contains(e.Uscc)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(good, stored.Select(e => e.Uscc));
        Assert.Equal("城关镇 2999 号, 东侧", stored[^1].Address);
        Assert.Equal("批量企业2999", stored[^1].Name);
        Assert.All(stored, e => Assert.Equal("359901", e.RegionCode));

        // One "Create" entry per row, by the importing user, shaped as the SaveChanges capture shapes an EF insert,
        // and the chain still verifies.
        var entries = await app.Db(db => db.AuditEntries.Where(a => a.Sequence > lastAudit).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(stored.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(a => a.EntityId));
        Assert.All(entries, a => Assert.Equal((nameof(Enterprise), "Create", "supervisor", (string?)null), (a.EntityType, a.Action, a.Actor, a.Before)));
        using var created = await client.PostAsJsonAsync("/api/v1/enterprises", new { uscc = NewUscc(), name = "青禾县表单登记有限公司", address = "城关镇 9 号" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var formEntry = await app.Db(db => db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync());
        using var formAfter = System.Text.Json.JsonDocument.Parse(formEntry.After!);
        using var importAfter = System.Text.Json.JsonDocument.Parse(entries[^1].After!);
        Assert.Equal(formAfter.RootElement.EnumerateObject().Select(p => p.Name), importAfter.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(stored[^1].Version.ToString(), importAfter.RootElement.GetProperty("Version").GetString());
        Assert.Null(await app.Db(db => Sunlight.Web.Infrastructure.Audit.AuditChain.VerifyAsync(db, CancellationToken.None)));
    }

    private static object?[] SplitCsv(string line)
    {
        var cells = new List<object?>();
        var (cell, quoted) = (new System.Text.StringBuilder(), false);
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.Length == 0 ? null : cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.Length == 0 ? null : cell.ToString());
        return [.. cells];
    }
}
