using System.Net;
using System.Text.Json.Nodes;
using Sunlight.Tests.Infrastructure;

namespace Sunlight.Tests.Platform;

/// <summary>One error, three audiences: a browser gets the Chinese page, an API client ProblemDetails, Open311 its own list.</summary>
public sealed class ErrorPageTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task Browser_GetsTheChinesePage_WithAWayBack_UnderTheStrictCsp()
    {
        using var client = await app.LoginWithCookieAsync("unit01");
        var missing = new HttpRequestMessage(HttpMethod.Get, "/Complaints/Detail/999999");
        missing.Headers.Accept.ParseAdd(BrowserAccept);
        missing.Headers.Referrer = new Uri(client.BaseAddress!, "/Complaints");
        using var notFound = await client.SendAsync(missing, TestContext.Current.CancellationToken);
        var html = await HttpAssert.ErrorPage(notFound, HttpStatusCode.NotFound);
        Assert.Contains("未找到", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Complaints\">返回上一页", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", notFound.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var forbidden = new HttpRequestMessage(HttpMethod.Get, "/Admin/Users");
        forbidden.Headers.Accept.ParseAdd(BrowserAccept);
        var page = await HttpAssert.ErrorPage(await client.SendAsync(forbidden, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        Assert.Contains("无权", page, StringComparison.Ordinal);

        // A referrer from another site is never offered as the way back.
        var foreign = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        foreign.Headers.Accept.ParseAdd(BrowserAccept);
        foreign.Headers.Referrer = new Uri("https://evil.example/x");
        Assert.DoesNotContain("返回上一页", await HttpAssert.ErrorPage(await client.SendAsync(foreign, TestContext.Current.CancellationToken), HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserPostingABrokenForm_GetsThe400Page()
    {
        using var client = await app.LoginWithCookieAsync("supervisor");
        var request = new HttpRequestMessage(HttpMethod.Post, "/Problems/Raise") { Content = new StringContent("x", System.Text.Encoding.UTF8) };
        request.Content.Headers.ContentType = new("multipart/form-data");
        request.Headers.Accept.ParseAdd(BrowserAccept);
        await HttpAssert.ErrorPage(await client.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiClients_GetProblemDetails_ForTheSameErrors()
    {
        using var client = await app.ClientFor("unit01");
        await HttpAssert.Problem(await client.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.GetAsync("/api/v1/audit", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        // Outside /api, asking for JSON makes a client an API client.
        using var cookie = await app.LoginWithCookieAsync("unit01");
        var json = new HttpRequestMessage(HttpMethod.Get, "/Complaints/Detail/999999");
        json.Headers.Accept.ParseAdd("application/json");
        await HttpAssert.Problem(await cookie.SendAsync(json, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Open311_KeepsItsErrorFormat_ForABrokenMultipartBody()
    {
        using var client = app.CreateClient();
        foreach (var format in new[] { "json", "xml" })
        {
            var content = new StringContent("--b0\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ntrunc");
            content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "b0") } };
            using var response = await client.PostAsync($"/open311/v2/requests.{format}", content, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            if (format == "json")
            {
                Assert.Equal(400, JsonNode.Parse(text)![0]!["code"]!.GetValue<int>());
            }
            else
            {
                Assert.Contains("<errors>", text, StringComparison.Ordinal);
                Assert.Contains("<code>400</code>", text, StringComparison.Ordinal);
            }
        }
    }
}
