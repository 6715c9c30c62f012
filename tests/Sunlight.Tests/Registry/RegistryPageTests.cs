using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry.Enterprises;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Registry;

/// <summary>The registry pages as a browser uses them: cookie sign-in, antiforgery token, form posts.</summary>
public sealed partial class RegistryPageTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task CreateEnterprise_WithBadUscc_ShowsChineseErrorNextToField_KeepsInput_AndSavesNothing()
    {
        using var client = await SignInAsync(app, "supervisor");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var token = await TokenAsync(client, "/Registry/Enterprises/Edit");

        var response = await client.PostAsync("/Registry/Enterprises/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Uscc"] = "91350100M000100Y44",
            ["Input.Name"] = "青禾县表单测试有限公司",
            ["Input.Industry"] = "制造",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Html(await response.Content.ReadAsStringAsync());
        Assert.Matches("data-testid=\"error-uscc\"[^>]*>统一社会信用代码校验位错误<", html);
        Assert.Contains("value=\"青禾县表单测试有限公司\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => e.Name == "青禾县表单测试有限公司")));
    }

    [Fact]
    public async Task CreateEnterprise_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = await SignInAsync(app, "supervisor");
        var uscc = DemoSeeder.MakeUscc(Random.Shared, "91");
        var response = await client.PostAsync("/Registry/Enterprises/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Uscc"] = uscc, ["Input.Name"] = "无令牌公司",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => e.Uscc == uscc)));
    }

    [Fact]
    public async Task EditEnterprise_AfterSomeoneElseSaved_ShowsStaleMessage_AndKeepsTheirEdit()
    {
        using var client = await SignInAsync(app, "admin");
        var e = await app.Db(db => db.Enterprises.AsNoTracking().OrderBy(x => x.Id).Skip(3).FirstAsync());
        var token = await TokenAsync(client, $"/Registry/Enterprises/Edit/{e.Id}");

        using var other = await app.ClientFor("supervisor");
        await HttpAssert.Ok<EnterpriseDto>(await other.PutJson($"/api/v1/enterprises/{e.Id}",
            new EnterpriseInput(e.Uscc, e.Name + "（他人修改）", e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.Version)));

        var response = await client.PostAsync($"/Registry/Enterprises/Edit/{e.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Uscc"] = e.Uscc, ["Input.Name"] = e.Name + "（我的修改）", ["Input.Version"] = e.Version.ToString(),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该记录在您操作期间已被他人修改，请刷新后重试。", Html(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(e.Name + "（他人修改）", await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));
    }

    [Fact]
    public async Task OfficerList_ForUnitStaff_ShowsOnlyOwnUnitsOfficers()
    {
        using var client = await SignInAsync(app, "unit01");
        var html = await client.GetStringAsync("/Registry/Officers");
        var units = UnitAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(await app.Db(db => db.Officers.CountAsync(o => o.Unit!.Code == "U01")), units.Count);
        Assert.All(units, u => Assert.Equal("U01", u));

        // A filter naming another unit shows nothing of it.
        var other = await app.Db(db => db.Units.Where(u => u.Code == "U02").Select(u => u.Id).SingleAsync());
        Assert.Empty(UnitAttribute().Matches(await client.GetStringAsync($"/Registry/Officers?unitId={other}")));
    }

    [Fact]
    public async Task OfficerList_PagesByKeyset_AndFiltersExpired()
    {
        using var client = await SignInAsync(app, "observer");
        var first = Html(await client.GetStringAsync("/Registry/Officers"));
        var next = NextLink().Match(first);
        Assert.True(next.Success);
        var firstIds = await app.Db(db => db.Officers.OrderBy(o => o.Id).Take(50).Select(o => o.Id).ToListAsync());
        Assert.EndsWith($"after={firstIds[^1]}", next.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("data-unit=", await client.GetStringAsync(next.Groups[1].Value), StringComparison.Ordinal);

        var expired = Html(await client.GetStringAsync("/Registry/Officers?expired=true"));
        Assert.Contains("证件过期", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("持证有效</span>", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("/Registry/Officers/Edit", expired, StringComparison.Ordinal); // observers are read-only
    }

    [Fact]
    public async Task WritePages_AreClosedToReadOnlyRoles_RegistryClosedToEnterprises()
    {
        using var observer = await SignInAsync(app, "observer");
        var edit = await observer.GetAsync("/Registry/Enterprises/Edit");
        await HttpAssert.ErrorPage(edit, HttpStatusCode.Forbidden);

        using var staff = await SignInAsync(app, "unit01");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Registry/Units/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Registry/EnforcementItems/Edit")).StatusCode);
        // Enterprises are the registry owner's to edit (ADR 0006): a unit's staff reads them only.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Registry/Enterprises/Edit")).StatusCode);

        using var enterprise = await SignInAsync(app, "enterprise");
        foreach (var path in new[] { "/Registry/Officers", "/Registry/Enterprises", "/Registry/InspectionItems" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task ImportPage_ReportsRowErrors_ThenImportsValidRowsFromTheKeptFile()
    {
        using var client = await SignInAsync(app, "supervisor");
        string[] columns = ["统一社会信用代码", "企业名称", "地址", "行业", "法定代表人", "联系电话"];
        var good = DemoSeeder.MakeUscc(Random.Shared, "91");
        var file = Xlsx([Row(columns, good, "青禾县页面导入有限公司"), Row(columns, "123", "青禾县坏码有限公司")]);
        var token = await TokenAsync(client, "/Registry/Enterprises/Import");

        var form = Upload(file, "企业.xlsx", "Upload");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var html = Html(await (await client.PostAsync("/Registry/Enterprises/Import", form)).Content.ReadAsStringAsync());
        Assert.Contains("第 3 行：统一社会信用代码“123”应为 18 位", html, StringComparison.Ordinal);
        Assert.Contains("仅导入有效行（1 行）", html, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => e.Uscc == good)));

        var kept = KeptToken().Match(html).Groups[1].Value;
        var antiforgery = TokenIn(html);
        var response = await client.PostAsync("/Registry/Enterprises/Import?handler=ValidOnly", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Token"] = kept,
        }));
        var done = Html(await response.Content.ReadAsStringAsync());
        Assert.Contains("已导入 1 行", done, StringComparison.Ordinal);
        Assert.Equal("青禾县页面导入有限公司", await app.Db(db => db.Enterprises.Where(e => e.Uscc == good).Select(e => e.Name).SingleAsync()));
        Assert.False(await app.Db(db => db.Enterprises.AnyAsync(e => e.Name == "青禾县坏码有限公司")));

        // The kept file is gone once used.
        var again = Html(await (await client.PostAsync("/Registry/Enterprises/Import?handler=ValidOnly", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Token"] = kept,
        }))).Content.ReadAsStringAsync());
        Assert.Contains("上传的文件已失效，请重新选择文件上传", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportTemplate_IsAnXlsxWithTheChineseHeaders()
    {
        using var client = await SignInAsync(app, "unit05");
        var response = await client.GetAsync("/Registry/Officers/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = ReadXlsx(await response.Content.ReadAsByteArrayAsync(), headerRow: false)[0].Values.Select(v => v?.ToString());
        Assert.Equal(["单位编码", "姓名", "职务", "辅助人员", "执法证号", "执法类别", "有效期起", "有效期止"], header);
    }

    [Fact]
    public async Task EveryRegistryPage_Renders_ForTheSupervisor()
    {
        using var client = await SignInAsync(app, "supervisor");
        var ids = await app.Db(async db => (
            Unit: await db.Units.Select(u => u.Id).FirstAsync(),
            Officer: await db.Officers.Select(o => o.Id).FirstAsync(),
            Item: await db.EnforcementItems.Select(i => i.Id).FirstAsync(),
            Inspection: await db.InspectionItems.Select(i => i.Id).FirstAsync(),
            Enterprise: await db.Enterprises.Select(e => e.Id).FirstAsync()));
        string[] paths =
        [
            "/Registry/Units", "/Registry/Units?q=U0", "/Registry/Units/Edit", $"/Registry/Units/Edit/{ids.Unit}",
            "/Registry/Officers?auxiliary=true", "/Registry/Officers/Edit", $"/Registry/Officers/Edit/{ids.Officer}", "/Registry/Officers/Import",
            "/Registry/EnforcementItems?kind=Coercion", "/Registry/EnforcementItems/Edit", $"/Registry/EnforcementItems/Edit/{ids.Item}",
            "/Registry/InspectionItems?q=JC", "/Registry/InspectionItems/Edit", $"/Registry/InspectionItems/Edit/{ids.Inspection}",
            "/Registry/Enterprises?industry=%E9%A4%90%E9%A5%AE", $"/Registry/Enterprises/Edit/{ids.Enterprise}", "/Registry/Enterprises/Import",
        ];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Registry/Officers/Edit/999999999")).StatusCode);
    }

    [Fact]
    public async Task CreateOfficer_ThroughThePage_StoresTheCredential_AuxiliaryWithCredentialIsRefused()
    {
        using var client = await SignInAsync(app, "unit08");
        var unit = await app.Db(db => db.Units.Where(u => u.Code == "U08").Select(u => u.Id).SingleAsync());
        var token = await TokenAsync(client, "/Registry/Officers/Edit");
        Dictionary<string, string> Form(string name, bool auxiliary) => new()
        {
            ["__RequestVerificationToken"] = token, ["Input.UnitId"] = unit.ToString(), ["Input.Name"] = name, ["Input.Position"] = "执法队员",
            ["Input.IsAuxiliary"] = auxiliary ? "true" : "false", ["Input.IsActive"] = "true",
            ["Input.Credentials[0].Number"] = name + "-证", ["Input.Credentials[0].Category"] = "交通运输执法",
            ["Input.Credentials[0].ValidFrom"] = "2025-01-01", ["Input.Credentials[0].ValidTo"] = "2029-12-31",
            ["Input.Credentials[1].Number"] = "", ["Input.Credentials[1].Category"] = "",
        };

        var saved = await client.PostAsync("/Registry/Officers/Edit", new FormUrlEncodedContent(Form("页面新人", false)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var officer = await app.Db(db => db.Officers.Include(o => o.Credentials).SingleAsync(o => o.Name == "页面新人"));
        Assert.Equal(unit, officer.UnitId);
        Assert.Equal(("页面新人-证", new DateOnly(2029, 12, 31)), (Assert.Single(officer.Credentials).Number, officer.Credentials[0].ValidTo));

        var refused = Html(await (await client.PostAsync("/Registry/Officers/Edit", new FormUrlEncodedContent(Form("页面协管", true)))).Content.ReadAsStringAsync());
        Assert.Contains("辅助人员不得持有执法证", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"页面协管-证\"", refused, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Officers.AnyAsync(o => o.Name == "页面协管")));
    }

    [GeneratedRegex("data-unit=\"([^\"]*)\"")]
    private static partial Regex UnitAttribute();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"next-page\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeptToken();
}
