using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>The demo county with a public-intake limit of 3 a minute per client.</summary>
public sealed class LowIntakeLimitApp() : SunlightFactory(
    TestDatabases.CreateSeededAsync($"rl{Environment.ProcessId}_{Guid.NewGuid():N}"[..24]).GetAwaiter().GetResult(),
    Path.Combine(TestDatabases.Root, "data-" + Guid.NewGuid().ToString("N")))
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Sunlight:RateLimits:PublicIntakePerMinute", "3")];
}

public sealed class RateLimitTests(LowIntakeLimitApp app) : IClassFixture<LowIntakeLimitApp>
{
    [Fact]
    public async Task PublicIntake_OverTheLimit_Returns429InChinese_AndStoresNothing()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/public/complaints", Submission(description: $"限流测试 {i}", anonymous: true))).StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/v1/public/complaints", Submission(description: "第四次", anonymous: true));
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        var body = await HttpAssert.Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁，请稍后再试", body.GetProperty("title").GetString());
        Assert.Equal("您在短时间内提交次数过多，请稍后再试。", body.GetProperty("detail").GetString());
        Assert.Equal(0, await app.Db(db => db.Set<Complaint>().CountAsync(c => c.Description == "第四次")));
        Assert.Equal(3, await app.Db(db => db.Set<Complaint>().CountAsync(c => c.Description.StartsWith("限流测试"))));
    }
}

/// <summary>Issue #9, defect 6: viewing the public form is free; a browser over the limit gets the Chinese page with Retry-After.</summary>
public sealed class PublicFormRateLimitTests(LowIntakeLimitApp app) : IClassFixture<LowIntakeLimitApp>
{
    [Fact]
    public async Task ViewingTheForm_UsesNoQuota_AndTheFourthSubmission_IsAChinesePage_WithRetryAfter()
    {
        using var browser = PageSession.Anonymous(app);
        const string form = "/Public/Complaints/New";
        for (var i = 0; i < 5; i++)
        {
            await browser.GetHtmlAsync(form);
        }
        Dictionary<string, string?> Fields(int i) => new() { ["Category"] = "profit-driven", ["Description"] = $"表单限流测试 {i}", ["Anonymous"] = "true" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(form, form, Fields(i))).StatusCode);
        }
        var refused = await browser.PostFormAsync(form, form, Fields(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁，请稍后再试", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(3, await app.Db(db => db.Set<Complaint>().CountAsync(c => c.Description.StartsWith("表单限流测试"))));
    }
}
