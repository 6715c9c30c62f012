using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;

namespace Sunlight.Tests.Platform;

public sealed class AuthTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/auth/login")]
    public async Task Login_ReturnsBearerToken_ThatCarriesTheUnitScope()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit02", password = SunlightFactory.Password });
        var body = await HttpAssert.Ok<Dictionary<string, object>>(response);
        Assert.True(body.ContainsKey("accessToken"));

        using var unit = await app.ClientFor("unit02");
        var units = await HttpAssert.Ok<List<Dictionary<string, object>>>(await unit.GetAsync("/api/v1/units"));
        Assert.Equal("U02", Assert.Single(units)["code"].ToString());
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401InChinese()
    {
        using var client = app.CreateClient();
        var body = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit03", password = "wrong-password1" }), HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误。", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_FiveFailures_LockTheAccount_EvenForTheRightPassword()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit04", password = "wrong-password1" });
        }
        var body = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit04", password = SunlightFactory.Password }), HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lockoutEnd = await app.Db(db => db.Users.Where(u => u.UserName == "unit04").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task Login_MissingFields_Returns400WithFieldErrors()
    {
        using var client = app.CreateClient();
        var body = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "", password = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请输入用户名", body.GetProperty("errors").GetProperty("userName")[0].GetString());
    }
}
