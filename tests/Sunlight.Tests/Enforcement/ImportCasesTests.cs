using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Import;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Enforcement;

/// <summary>案件台账导入 (Features/Enforcement/Import): the unit's mapping saved and reused, the row report, all or nothing, the rules run.</summary>
public sealed partial class ImportCasesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly string[] Standard = ["案号", "执法行为类别", "案件名称", "当事人", "统一社会信用代码", "执法事项", "法律依据", "执法证号", "罚款金额", "立案日期", "告知日期", "决定日期"];

    private async Task<string> CredentialOf(string account, DateOnly on) =>
        await app.Db(async db =>
        {
            var officers = await QualifiedOfficers(app, account, on);
            return await db.Credentials.Where(k => k.OfficerId == officers[0] && k.ValidFrom <= on && k.ValidTo >= on).Select(k => k.Number).FirstAsync();
        });

    private static string NewNumber(string prefix) => $"{prefix}〔2026〕{Guid.NewGuid():N}"[..28];

    private object?[] Ledger(string number, string credential, DateOnly filed, object? fine = null, string? filedText = null) =>
        [number, "行政处罚", "某公司未按规定公示年度报告案", "青禾县演示有限公司", "91350100M000100Y43", "未按规定公示年度报告", "《企业信息公示暂行条例》第十八条",
            credential, fine ?? 5000, filedText ?? filed.ToString("yyyy-MM-dd"), filed.AddDays(60).ToString("yyyy-MM-dd"), filed.AddDays(95).ToString("yyyy-MM-dd")];

    [Fact]
    [ScopeCovered("GET /api/v1/cases/import-mapping")]
    [ScopeCovered("PUT /api/v1/cases/import-mapping")]
    public async Task SavedMapping_IsAudited_AndTheNextImportUsesIt_TheCaseIsStoredWithItsWarnings()
    {
        var client = await app.ClientFor("unit02");
        string[] own = ["案卷编号", "性质", "案情", "对象", "代码", "事由", "法条", "证号", "罚没", "受理日", "通知日", "处理日"];
        var columns = new Dictionary<string, string>
        {
            ["number"] = own[0], ["kind"] = own[1], ["title"] = own[2], ["partyName"] = own[3], ["partyUscc"] = own[4], ["itemName"] = own[5],
            ["legalBasis"] = own[6], ["officers"] = own[7], ["fine"] = own[8], ["filedOn"] = own[9], ["notifiedOn"] = own[10], ["decidedOn"] = own[11],
            ["sector"] = new string('业', 50),
        };
        var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutJson("/api/v1/cases/import-mapping", new { columns })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/cases/import-mapping")).StatusCode);

        var tooLong = await HttpAssert.Problem(await client.PutJson("/api/v1/cases/import-mapping",
            new { columns = new Dictionary<string, string>(columns) { ["sector"] = new string('业', 51) } }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过 50 个字", tooLong.GetProperty("errors").GetProperty("columns")[0].GetString(), StringComparison.Ordinal);
        var unknown = await HttpAssert.Problem(await client.PutJson("/api/v1/cases/import-mapping",
            new { columns = new Dictionary<string, string> { ["amount"] = "金额", ["number"] = "案号", ["title"] = "案号" } }), HttpStatusCode.BadRequest);
        var messages = unknown.GetProperty("errors").GetProperty("columns").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("没有名为“amount”的案件字段", messages);
        Assert.Contains("列“案号”不能同时对应“案号”和“案件名称”", messages);
        var unit = await UnitOf(app, "unit02");
        Assert.False(await app.Db(db => db.Set<CaseImportMapping>().IgnoreQueryFilters().AnyAsync(m => m.UnitId == unit)));

        await HttpAssert.Ok<JsonElement>(await client.PutJson("/api/v1/cases/import-mapping", new { columns }));
        var stored = await app.Db(db => db.Set<CaseImportMapping>().IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.UnitId == unit));
        Assert.Equal(columns, JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Columns));
        Assert.Contains("案卷编号", stored.Columns, StringComparison.Ordinal);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(CaseImportMapping) && e.EntityId == stored.Id.ToString()));
        Assert.Equal("Create", entry.Action);
        Assert.Contains("受理日", JsonDocument.Parse(entry.After!).RootElement.GetProperty("Columns").GetString(), StringComparison.Ordinal);

        var read = await HttpAssert.Ok<JsonElement>(await client.GetAsync("/api/v1/cases/import-mapping"));
        Assert.Equal("受理日", read.GetProperty("columns").GetProperty("filedOn").GetString());
        Assert.Contains(read.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "decidedOn" && f.GetProperty("label").GetString() == "决定日期");
        var other = await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("unit05")).GetAsync("/api/v1/cases/import-mapping"));
        Assert.Empty(other.GetProperty("columns").EnumerateObject());

        // The next import, without a mapping, reads the unit's own headers through the saved mapping.
        var filed = Today(app).AddDays(-120);
        var number = NewNumber("映射");
        var file = Xlsx([Row(own, Ledger(number, await CredentialOf("unit02", filed), filed))]);
        var result = await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/cases/import", Upload(file, "台账.xlsx")));
        Assert.Equal((1, 1, 1), (result.Rows, result.Valid, result.Imported));

        var c = await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().AsNoTracking().Include(x => x.Milestones).Include(x => x.Officers).SingleAsync(x => x.Number == number));
        Assert.Equal((unit, CaseKind.Penalty, PartyKind.Enterprise, "91350100M000100Y43", 5000m), (c.UnitId, c.Kind, c.PartyKind, c.PartyUscc, c.FineAmount));
        Assert.Equal([(MilestoneKind.Filed, filed), (MilestoneKind.Notified, filed.AddDays(60)), (MilestoneKind.Decided, filed.AddDays(95))],
            c.Milestones.OrderBy(m => m.Kind).Select(m => (m.Kind, m.On)));
        Assert.Equal((MilestoneKind.Decided, filed), (c.Stage!.Value, c.FiledOn!.Value));
        Assert.Single(c.Officers);
        Assert.NotNull(c.CheckedAt);
        var warnings = await app.Db(db => db.Warnings.IgnoreQueryFilters().AsNoTracking().Where(w => w.CaseId == c.Id && w.State == WarningState.Open).Select(w => w.Rule).ToListAsync());
        Assert.Contains("P-OFFICERS", warnings);
        Assert.Contains("P-90DAYS", warnings);
        Assert.True(await app.Db(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(EnforcementCase) && e.EntityId == c.Id.ToString() && e.Action == "Create")));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/import")]
    public async Task RowErrors_NameRowColumnValueAndReason_AndNothingIsStored()
    {
        var client = await app.ClientFor("unit03");
        var filed = Today(app).AddDays(-120);
        var credential = await CredentialOf("unit03", filed);
        var prefix = "错误" + Guid.NewGuid().ToString("N")[..6];
        var first = prefix + "-1";
        var file = Xlsx([
            Row(Standard, Ledger(first, credential, filed)),                                     // 2: valid
            Row(Standard, Ledger(prefix + "-2", credential, filed, filedText: "2025-13-45")),     // 3: bad date
            Row(Standard, Ledger(prefix + "-3", "XX-0000", filed)),                               // 4: unknown officer
            Row(Standard, Ledger(prefix + "-4", credential, filed, fine: "一千元")),              // 5: not a number
            Row(Standard, Ledger(first, credential, filed)),                                      // 6: duplicate number
        ]);
        var before = await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().CountAsync());

        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/cases/import", Upload(file, "台账.xlsx")), HttpStatusCode.BadRequest);
        Assert.Equal(
        [
            "第 3 行：“立案日期”列的值“2025-13-45”不是有效日期（应为 2026-01-31 这样的日期）",
            "第 4 行：“执法证号”列的值“XX-0000”不是本单位执法人员的执法证号",
            "第 5 行：“罚款金额”列的值“一千元”不是数字（金额以元为单位，如 5000 或 5000.50）",
            $"第 6 行：“案号”列的值“{first}”与第 2 行的案号重复",
        ], body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().CountAsync()));
        Assert.False(await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().AnyAsync(c => c.Number.StartsWith(prefix))));

        var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync("/api/v1/cases/import", Upload(Xlsx([Row(Standard, Ledger(prefix + "-9", credential, filed))]), "台账.xlsx"))).StatusCode);
        Assert.False(await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().AnyAsync(c => c.Number.StartsWith(prefix))));

        // The same file without its bad rows is imported; the number already registered is then refused.
        var ok = Xlsx([Row(Standard, Ledger(first, credential, filed))]);
        Assert.Equal(1, (await HttpAssert.Ok<ImportResult>(await client.PostAsync("/api/v1/cases/import", Upload(ok, "台账.xlsx")))).Imported);
        var again = await HttpAssert.Problem(await client.PostAsync("/api/v1/cases/import", Upload(ok, "台账.xlsx")), HttpStatusCode.BadRequest);
        Assert.Equal($"第 2 行：“案号”列的值“{first}”已登记在本单位的案件中", Assert.Single(again.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task GivenMapping_WithoutARequiredField_OrWithAHeaderNotInTheFile_IsRefused()
    {
        var client = await app.ClientFor("unit03");
        var filed = Today(app).AddDays(-30);
        var number = NewNumber("缺列");
        var file = Xlsx([Row(Standard, Ledger(number, await CredentialOf("unit03", filed), filed))]);
        using var form = Upload(file, "台账.xlsx");
        form.Add(new StringContent(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["number"] = "案号", ["kind"] = "执法行为类别", ["title"] = "案件名称", ["partyName"] = "当事人", ["itemName"] = "执法事项", ["legalBasis"] = "法律依据", ["fine"] = "罚款",
        })), "mapping");
        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/cases/import", form), HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("文件的表头中没有“罚款”列", errors);
        Assert.Contains("请为“立案日期”选择台账中对应的列", errors);
        using var broken = Upload(file, "台账.xlsx");
        broken.Add(new StringContent("{不是 JSON"), "mapping");
        await HttpAssert.Problem(await client.PostAsync("/api/v1/cases/import", broken), HttpStatusCode.BadRequest);
        Assert.False(await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().AnyAsync(c => c.Number == number)));
    }

    [Fact]
    public async Task Page_ShowsTheHeaders_PrefilledByTheirNames_ImportsAndSavesTheMapping()
    {
        using var page = await PageSession.SignInAsync(app, "unit04");
        var filed = Today(app).AddDays(-20);
        var number = NewNumber("页面");
        string[] headers = ["案件编号", "类别", "案由", "当事人名称", "信用代码", "事项名称", "处罚依据", "执法证号", "罚款（元）", "立案时间", "备注"];
        var row = Ledger(number, await CredentialOf("unit04", filed), filed)[..10].Append("台账备注").ToArray();
        using var upload = new MultipartFormDataContent();
        var content = new ByteArrayContent(Xlsx([Row(headers, row)]));
        upload.Add(content, "Upload", "台账.xlsx");
        var shown = await page.PostMultipartAsync("/Enforcement/Import", "/Enforcement/Import", upload);
        var html = Html(await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        foreach (var (field, header) in new[] { ("number", "案件编号"), ("kind", "类别"), ("title", "案由"), ("fine", "罚款（元）"), ("filedOn", "立案时间") })
        {
            Assert.Matches($"name=\"Mapping\\[{field}\\]\"[^>]*>(?:(?!</select>).)*<option value=\"{Regex.Escape(header)}\" selected=\"selected\">", html.ReplaceLineEndings(" "));
        }
        Assert.DoesNotMatch("<option value=\"备注\" selected", html);
        var token = TokenField().Match(html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", token);

        var fields = new Dictionary<string, string?>
        {
            ["Token"] = token, ["SaveMapping"] = "true", ["Mapping[number]"] = "案件编号", ["Mapping[kind]"] = "类别", ["Mapping[title]"] = "案由",
            ["Mapping[partyName]"] = "当事人名称", ["Mapping[partyUscc]"] = "信用代码", ["Mapping[itemName]"] = "事项名称", ["Mapping[legalBasis]"] = "处罚依据",
            ["Mapping[officers]"] = "执法证号", ["Mapping[fine]"] = "罚款（元）", ["Mapping[filedOn]"] = "立案时间", ["Mapping[sector]"] = "",
        };
        var done = await page.PostFormAsync("/Enforcement/Import", "/Enforcement/Import?handler=Import", fields);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var c = await app.Db(db => db.EnforcementCases.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Number == number));
        Assert.Equal((CaseKind.Penalty, filed, 5000m), (c.Kind, c.FiledOn!.Value, c.FineAmount!.Value));
        var unit = await UnitOf(app, "unit04");
        var saved = await app.Db(db => db.Set<CaseImportMapping>().IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.UnitId == unit));
        Assert.Equal("案件编号", JsonSerializer.Deserialize<Dictionary<string, string>>(saved.Columns)!["number"]);
        Assert.False(JsonSerializer.Deserialize<Dictionary<string, string>>(saved.Columns)!.ContainsKey("sector"));
    }

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenField();
}
