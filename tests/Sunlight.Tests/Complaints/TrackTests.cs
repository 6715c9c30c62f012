using System.Net;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>Issue #9, defect 8: the reporter's PIN is posted, never read from the URL, and the page is never cached.</summary>
public sealed class TrackTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string Page = "/Public/Complaints/Track";

    [Fact]
    public async Task Lookup_ByPost_ShowsTheStatus_AndIsNotStored()
    {
        var receipt = await FileAsync(app);
        using var browser = PageSession.Anonymous(app);
        var response = await browser.PostFormAsync($"{Page}?code={receipt.TrackingCode}", Page, new() { ["Code"] = receipt.TrackingCode, ["Pin"] = receipt.Pin });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"status\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");

        var wrong = await browser.PostFormAsync(Page, Page, new() { ["Code"] = receipt.TrackingCode, ["Pin"] = "00000000" });
        Assert.Contains("查询码或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APinInTheUrl_IsIgnored_AndTheFormPostsIt()
    {
        var receipt = await FileAsync(app);
        using var browser = PageSession.Anonymous(app);
        var response = await browser.Client.GetAsync($"{Page}?code={receipt.TrackingCode}&pin={receipt.Pin}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.DoesNotContain("data-testid=\"status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Pin, html, StringComparison.Ordinal);
        Assert.Matches("<form method=\"post\"[^>]*data-testid=\"lookup\"", html);
        Assert.Contains($"value=\"{receipt.TrackingCode}\"", html, StringComparison.Ordinal);
    }
}
