namespace Sunlight.BrowserTests.Platform;

/// <summary>Issue #9, defect 1: a signed-in user locked by the administrator meets the login page on their next click.</summary>
public sealed class SessionRevocationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignedInUser_LockedByTheAdmin_MeetsTheLoginPage_OnTheirNextClick()
    {
        var user = await app.LoginAsync("unit05");
        await user.GotoAsync("/Problems");
        Assert.DoesNotContain("/Account/Login", user.Url, StringComparison.Ordinal);

        var admin = await app.LoginAsync("admin");
        await admin.GotoAsync("/Admin/Users?Q=unit05");
        await admin.GetByTestId("user-table").Locator("tr", new() { HasText = "unit05" }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "锁定账号" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("lockout-state")).ToHaveTextAsync("已被管理员锁定");

        await user.GetByRole(AriaRole.Link, new() { Name = "站内消息" }).ClickAsync();
        await user.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(user.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
    }

    /// <summary>Issue #9, defect 9: the real server (Kestrel) does not name itself.</summary>
    [Fact]
    public async Task TheServer_SendsNoServerHeader()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(app.BaseUrl + "/Account/Login");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
