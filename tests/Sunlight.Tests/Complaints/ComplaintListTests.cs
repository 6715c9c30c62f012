using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>The complaint lists (API, board, queue): keyset <c>after</c>, newest first, with the filtered total.</summary>
public sealed class ComplaintListTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task List_PagesAfterTheLastId_NewestFirst_WithTheTotal_AndThePagesShowIt()
    {
        var term = "分页测试" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await IdOf(app, (await FileAsync(app, Submission(description: $"{term} 第{i}件：执法人员检查时态度粗暴。"))).TrackingCode));
        }
        using var supervisor = await app.ClientFor("supervisor");

        var first = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&limit=2"));
        Assert.Equal([ids[2], ids[1]], first.Items.Select(i => i.Id));
        Assert.Equal((3, ids[1]), (first.Total, first.NextCursor));
        var second = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync($"/api/v1/complaints?q={term}&limit=2&after={first.NextCursor}"));
        Assert.Equal([ids[0]], second.Items.Select(i => i.Id));
        Assert.Equal((3, (long?)null), (second.Total, second.NextCursor));

        using var page = await PageSession.SignInAsync(app, "supervisor");
        var board = await page.GetHtmlAsync($"/Complaints?Q={term}");
        Assert.Contains("共 3 条", board);
        var queue = await page.GetHtmlAsync("/Complaints/Queue?limit=200");
        Assert.Matches(@"共 \d+ 条", queue);
    }
}
