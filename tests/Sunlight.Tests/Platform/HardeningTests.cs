using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Platform;

/// <summary>Issue #9, defect 9: the smaller hardening items.</summary>
public sealed partial class HardeningTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    /// <summary>A token signed with the app's key for a real account, with or without "exp".</summary>
    private async Task<string> TokenAsync(bool withExpiry)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("supervisor"))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var claims = principal.Claims.Where(c => c.Type != "AspNet.Identity.SecurityStamp")
            .Append(new Claim(TokenIssuer.StampHashClaim, TokenIssuer.StampHash(user.SecurityStamp)));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer, Audience = TokenIssuer.Issuer, Subject = new ClaimsIdentity(claims),
            IssuedAt = now, NotBefore = now, Expires = withExpiry ? now.AddHours(1) : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "jwt.key"))), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task AJwtWithoutExp_IsRefused_AndWwwAuthenticateDoesNotSayWhy()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(withExpiry: true));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(withExpiry: false));
        var refused = await client.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var challenge = string.Join(" ", refused.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("error", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderHttps_TheAntiforgeryCookie_IsSecure()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/Login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/Problems/Raise", true)]
    [InlineData("/Complaints/New", true)]
    [InlineData("/Registry/Units/Edit", false)]
    public async Task NoPage_CarriesAnInlineStyle_NotEvenTheEmptyValidationSummary(string url, bool hasSummary)
    {
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var html = await supervisor.GetHtmlAsync(url);
        Assert.Equal(hasSummary, html.Contains("validation-summary-valid", StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineStyle(), html);
    }

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
