namespace Sunlight.BrowserTests.Platform;

public sealed class LoginTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task StartupOutput_PrintsTheUrlAndAdminLogin()
    {
        Assert.Contains("阳光执法监督平台已启动：" + app.BaseUrl, app.Output, StringComparison.Ordinal);
        Assert.Contains($"管理员账号：admin  密码：{BrowserApp.Password}", app.Output, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task WrongPassword_ShowsChineseError_AndStaysOnLogin()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("not-the-password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_LogsIn_AndSeesTheCountyHomePage()
    {
        var page = await app.LoginAsync("admin");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("青禾县司法局");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("系统管理员");
        // The figures are counted from records: 22 enforcement units in the demo county.
        await Assertions.Expect(page.Locator("a.stat-card", new() { HasText = "执法单位" })).ToContainTextAsync("22");
    }
}
