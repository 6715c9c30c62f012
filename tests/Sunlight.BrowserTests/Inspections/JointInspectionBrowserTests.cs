using System.Globalization;
using Microsoft.Playwright;

namespace Sunlight.BrowserTests.Inspections;

/// <summary>
/// Issue #14's walk: two units plan inspections of one enterprise in the same fortnight, the Supervisor sees the overlap
/// and merges them into one joint inspection, the enterprise scans the code on a phone-sized page and rates the visit.
/// </summary>
public sealed class JointInspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static async Task RegisterAsync(IPage page, string enterprise, DateOnly date)
    {
        await page.GotoAsync("/Inspections/Register");
        await page.GetByLabel("被检查企业").SelectOptionAsync(new SelectOptionValue { Label = enterprise });
        await page.GetByLabel("检查类型").SelectOptionAsync(new SelectOptionValue { Label = "个案检查" });
        await page.GetByLabel("检查日期", new() { Exact = true }).FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("检查事由").FillAsync("浏览器测试：群众反映安全隐患");
        await page.GetByLabel("检查起因", new() { Exact = false }).FillAsync("12345 热线转办");
        await page.Locator("input[name='Input.ItemIds']").First.CheckAsync();
        var qualified = page.Locator("input[name='Input.OfficerIds'][data-qualified='yes']");
        await qualified.Nth(0).CheckAsync();
        await qualified.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记检查" }).ClickAsync();
        if (page.Url.Contains("/Inspections/Register", StringComparison.Ordinal))
        {
            // A warning (多头检查) comes back before saving: read, confirm, register again.
            await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("预警");
            await page.GetByLabel("已知悉上述预警", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "登记检查" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("inspection-state")).ToHaveTextAsync("待审批");
    }

    [Fact]
    public async Task TwoUnitsSameFortnight_SupervisorMergesIntoJoint_EnterpriseScansOnPhoneAndRates()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime);
        var unit03 = await app.LoginAsync("unit03");
        await unit03.GotoAsync("/Inspections/Register");
        var options = unit03.Locator("#enterprise option");
        var enterprise = (await options.Nth(await options.CountAsync() - 7).InnerTextAsync()).Trim();
        await RegisterAsync(unit03, enterprise, today.AddDays(5));
        var unit05 = await app.LoginAsync("unit05");
        await RegisterAsync(unit05, enterprise, today.AddDays(12));

        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync("/Inspections/Overlaps");
        var proposal = supervisor.GetByTestId("proposal").Filter(new() { HasText = enterprise });
        await Assertions.Expect(proposal).ToContainTextAsync("青禾县应急管理局");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "合并为联合检查" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("participants")).ToBeVisibleAsync();
        var code = (await supervisor.GetByTestId("code").InnerTextAsync()).Trim();
        Assert.StartsWith("LH-", code, StringComparison.Ordinal);

        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync($"/Public/Inspections/{code}");
        await Assertions.Expect(phone.GetByTestId("code-view")).ToContainTextAsync(enterprise);
        await Assertions.Expect(phone.GetByTestId("code-view")).ToContainTextAsync("执法证号");
        await phone.GetByLabel("4 分").CheckAsync();
        await phone.GetByLabel("意见（选填）").FillAsync("两个部门一次查完，很方便");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("rated")).ToBeVisibleAsync();
        // The rating reaches the Supervisor.
        await supervisor.GotoAsync("/Inspections/Ratings");
        await Assertions.Expect(supervisor.GetByTestId("ratings")).ToContainTextAsync("两个部门一次查完");
    }
}
