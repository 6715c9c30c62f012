namespace Sunlight.BrowserTests.Registry;

public sealed class RegistryBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_AddsEnterpriseWithBadUscc_SeesChineseError_FixesIt_AndFindsItInTheList()
    {
        var page = await app.LoginAsync("admin");
        await page.GotoAsync("/Registry/Enterprises/Edit");
        await page.GetByLabel("统一社会信用代码").FillAsync("91350100M000100Y44");
        await page.GetByLabel("企业名称").FillAsync("青禾县浏览器测试有限公司");
        await page.GetByLabel("行业").FillAsync("制造");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-uscc")).ToHaveTextAsync("统一社会信用代码校验位错误");
        // What was typed is kept, so only the code needs fixing.
        await Assertions.Expect(page.GetByLabel("企业名称")).ToHaveValueAsync("青禾县浏览器测试有限公司");

        await page.GetByLabel("统一社会信用代码").FillAsync("91350100M000100Y43");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Edit", StringComparison.Ordinal));

        await page.GotoAsync("/Registry/Enterprises");
        await page.GetByLabel("搜索").FillAsync("浏览器测试");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var rows = page.GetByTestId("rows").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("91350100M000100Y43");
        await Assertions.Expect(rows.First).ToContainTextAsync("青禾县浏览器测试有限公司");
    }

    [Fact]
    public async Task Unit01_SeesOnlyUnit01sOfficers()
    {
        var page = await app.LoginAsync("unit01");
        await page.GotoAsync("/Registry/Officers");
        var rows = page.GetByTestId("rows").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var units = await rows.Locator("td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal("青禾县市场监督管理局", u.Trim()));

        // Another unit's officer, asked for by address, is not found.
        var response = await page.GotoAsync("/Registry/Officers/Edit/" + await ForeignOfficerIdAsync());
        Assert.Equal(404, response!.Status);
    }

    private async Task<long> ForeignOfficerIdAsync()
    {
        // The supervisor's view lists every unit; pick an officer of 生态环境分局 (U02).
        var page = await app.LoginAsync("supervisor");
        await page.GotoAsync("/Registry/Officers?limit=200");
        var link = page.GetByTestId("rows").Locator("tbody tr", new() { HasText = "青禾县生态环境分局" }).First.Locator("a[href*='/Registry/Officers/Edit/']");
        var href = await link.GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return long.Parse(href!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
