using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sunlight.Tests.Infrastructure;

/// <summary>Signs in through the real login form and keeps the cookie, as a browser would.</summary>
public static partial class CookieLogin
{
    public static async Task<HttpClient> LoginWithCookieAsync(this SunlightFactory app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = SunlightFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login as {userName} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>GETs a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        return TokenIn(await client.GetStringAsync(url));
    }

    public static string TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token in the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
