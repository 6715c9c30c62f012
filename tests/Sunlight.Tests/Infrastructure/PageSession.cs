using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// A browser-like client for Razor Pages: signs in through /Account/Login with cookies, and posts forms with the
/// antiforgery token read from the page it GETs first (as a browser would).
/// </summary>
internal sealed partial class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static async Task<PageSession> SignInAsync(SunlightFactory app, string userName, string? password = null)
    {
        var session = Anonymous(app);
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password ?? SunlightFactory.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public static PageSession Anonymous(SunlightFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>GETs <paramref name="formPage"/> for the token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string?> fields)
    {
        var token = await TokenAsync(formPage);
        var content = new FormUrlEncodedContent(fields.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))
            .Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(action, content);
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, MultipartFormDataContent content)
    {
        content.Add(new StringContent(await TokenAsync(formPage)), "__RequestVerificationToken");
        return await Client.PostAsync(action, content);
    }

    public async Task<string> TokenAsync(string formPage) =>
        WebUtility.HtmlDecode(TokenPattern().Match(await GetHtmlAsync(formPage)).Groups[1].Value);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
