using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;

namespace Sunlight.Tests.Platform;

/// <summary>
/// Issue #9, defect 3: every state-changing /api endpoint, enumerated from the app's endpoint data source, refuses a
/// cookie-authenticated request without the antiforgery token (A-CSRF) and takes the same request by Bearer token or
/// by cookie with the token.
/// </summary>
public sealed partial class CsrfTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private IReadOnlyList<(string Method, string Url)> StateChangingEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => (m, RouteValue().Replace(e.RoutePattern.RawText!, "1"))))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task EveryStateChangingEndpoint_RefusesACookieWithoutToken_AndTakesBearerOrCookieWithToken()
    {
        var endpoints = StateChangingEndpoints();
        Assert.Contains(("POST", "/api/v1/problems/import"), endpoints);
        Assert.Contains(("POST", "/api/v1/complaints/eml"), endpoints);
        Assert.Contains(("POST", "/api/v1/problems/1/progress"), endpoints);
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} state-changing endpoints found");

        using var cookie = await app.LoginWithCookieAsync("supervisor");
        var token = CookieLogin.TokenIn(await cookie.GetStringAsync("/Inbox"));
        using var bearer = await app.ClientFor("supervisor");

        var unguarded = new List<string>();
        var overGuarded = new List<string>();
        foreach (var (method, url) in endpoints)
        {
            foreach (var content in Bodies())
            {
                using var forged = await cookie.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content() });
                if (!await IsCsrfRefusal(forged))
                {
                    unguarded.Add($"{method} {url} {content().Headers.ContentType?.MediaType}: {(int)forged.StatusCode}");
                }
            }
            using var byBearer = await bearer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
            var withToken = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
            withToken.Headers.Add("RequestVerificationToken", token);
            using var byCookieWithToken = await cookie.SendAsync(withToken);
            foreach (var (how, response) in new[] { ("bearer", byBearer), ("cookie+token", byCookieWithToken) })
            {
                if (await IsCsrfRefusal(response) || (int)response.StatusCode >= 500)
                {
                    overGuarded.Add($"{how} {method} {url}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(unguarded.Count == 0, "cookie without token accepted:\n" + string.Join("\n", unguarded));
        Assert.True(overGuarded.Count == 0, "refused or failed with bearer / token:\n" + string.Join("\n", overGuarded));
    }

    [Fact]
    public async Task ACrossSiteUpload_WithTheLoginCookie_CreatesNothing_TheSameWithTheTokenIsImported()
    {
        using var cookie = await app.LoginWithCookieAsync("supervisor");
        using var forged = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "problems.csv" } };
        Assert.True(await IsCsrfRefusal(await cookie.PostAsync("/api/v1/problems/import", forged)));

        using var genuine = new MultipartFormDataContent
        {
            { new ByteArrayContent("x"u8.ToArray()), "file", "problems.csv" },
            { new StringContent(CookieLogin.TokenIn(await cookie.GetStringAsync("/Problems/Import"))), "__RequestVerificationToken" },
        };
        var response = await cookie.PostAsync("/api/v1/problems/import", genuine);
        Assert.False(await IsCsrfRefusal(response));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // past the rule: the file itself is judged
    }

    private static IEnumerable<Func<HttpContent>> Bodies() =>
    [
        () => JsonContent.Create(new { }),
        () => new FormUrlEncodedContent([new("note", "跨站")]),
        () => new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.csv" } },
    ];

    private static async Task<bool> IsCsrfRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("rule", out var rule) && rule.GetString() == "A-CSRF";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
