using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// Form posts for Razor Pages tests, on top of <see cref="CookieLogin"/>: each post first GETs the page holding the
/// form for its antiforgery token, as a browser would.
/// </summary>
internal sealed class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static async Task<PageSession> SignInAsync(SunlightFactory app, string userName) => new(await app.LoginWithCookieAsync(userName));

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

    public Task<string> TokenAsync(string formPage) => CookieLogin.AntiforgeryTokenAsync(Client, formPage);

    public void Dispose() => Client.Dispose();
}
