using System.Net;
using System.Text.Json;
using Sunlight.Tests.Infrastructure;

using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Platform;

public sealed class HostingTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Healthz_ChecksTheDatabase()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheRegistryEndpoints_InChinese()
    {
        using var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.Equal("阳光执法监督平台 API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/units", "/api/v1/officers", "/api/v1/enterprises", "/api/v1/enterprises/{id}", "/api/v1/auth/login", "/api/v1/calendar/deadline" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var reference = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders_AndRedirectAnonymousToChineseLogin()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        // "/" is the public front door; a staff page sends an anonymous visitor to the login.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var response = await client.GetAsync("/Complaints");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404ProblemInChinese()
    {
        using var client = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CookieSession_AppliesTheSameUnitScope_AsBearerTokens()
    {
        // Identity's cookie validation opens the request's DbContext before the user is known; the scope must still
        // be the signed-in user's, not the anonymous one (a bug we had: pages showed nothing).
        using var client = await app.LoginWithCookieAsync("unit07");
        var units = (await HttpAssert.Ok<Page<Dictionary<string, object>>>(await client.GetAsync("/api/v1/units"))).Items;
        Assert.Equal("U07", Assert.Single(units)["code"].ToString());
        var html = await client.GetStringAsync("/");
        Assert.Contains("青禾县司法局", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterpriseAccount_HomePage_ShowsItsOwnRegistration_AndNoStaffFigures()
    {
        using var client = await app.LoginWithCookieAsync("enterprise");
        var own = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc)));
        var html = await client.GetStringAsync("/");
        Assert.Contains(own!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Registry/Units", html, StringComparison.Ordinal);
    }
}
