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
        var body = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/public/complaints", Submission(description: "第四次", anonymous: true)), HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁，请稍后再试", body.GetProperty("title").GetString());
        Assert.Equal("您在短时间内提交次数过多，请稍后再试。", body.GetProperty("detail").GetString());
        Assert.Equal(0, await app.Db(db => db.Set<Complaint>().CountAsync(c => c.Description == "第四次")));
        Assert.Equal(3, await app.Db(db => db.Set<Complaint>().CountAsync(c => c.Description.StartsWith("限流测试"))));
    }
}
