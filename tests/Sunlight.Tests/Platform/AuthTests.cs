using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Web.Infrastructure.Identity;
using Sunlight.Tests.Infrastructure;

using Sunlight.Web.Infrastructure.Api;

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
        var units = (await HttpAssert.Ok<Page<Dictionary<string, object>>>(await unit.GetAsync("/api/v1/units"))).Items;
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
    public async Task Login_MissingFields_Returns400WithFieldErrors()
    {
        using var client = app.CreateClient();
        var body = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "", password = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写用户名", body.GetProperty("errors").GetProperty("userName")[0].GetString());
        Assert.Equal("请填写密码", body.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Login_WrongPassword_IsRefusedAs_A_LOGIN_UnknownUserTheSame()
    {
        using var client = app.CreateClient();
        var wrong = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit05", password = "wrong-password1" }), HttpStatusCode.Unauthorized);
        var unknown = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody.here", password = "wrong-password1" }), HttpStatusCode.Unauthorized);
        Assert.Equal(("A-LOGIN", "A-LOGIN"), (wrong.GetProperty("rule").GetString(), unknown.GetProperty("rule").GetString()));
        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_OfALockedOrChangedAccount_IsRefused()
    {
        using var locked = await app.ClientFor("unit14");
        using var changed = await app.ClientFor("unit15");
        Assert.Equal(HttpStatusCode.OK, (await locked.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await changed.GetAsync("/api/v1/units")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("unit14"))!, DateTimeOffset.MaxValue);
            // What an administrator's role or password change does: a new security stamp.
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("unit15"))!);
        }

        await HttpAssert.Problem(await locked.GetAsync("/api/v1/units"), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await changed.GetAsync("/api/v1/units"), HttpStatusCode.Unauthorized);
    }
}

public sealed class TokenLifetimeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task TokenLifetime_FollowsTheAppClock_NotTheMachineClock()
    {
        // Issued at the app's (fake) time; valid however far that is from the machine's date.
        using var client = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(9));
        await HttpAssert.Problem(await client.GetAsync("/api/v1/units"), HttpStatusCode.Unauthorized);
    }
}
