using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Disclosure.DisclosureTestKit;

namespace Sunlight.Tests.Disclosure;

/// <summary>双随机一公开 on the portal: the county's draws with their public record, results only once published.</summary>
public sealed class DrawDisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Draws_ListTheCountysDraws_LinkTheirPublicRecord_AndShowResultsOnlyOncePublished()
    {
        var other = await OtherCountyUnitAsync(app, "抽查");
        var demo = await app.Db(db => db.Set<RandomDraw>().Where(d => d.RegionCode == County && d.ResultsPublishedOn != null).OrderBy(d => d.Id).FirstAsync());
        await app.Db(async db =>
        {
            db.Set<RandomDraw>().Add(new RandomDraw
            {
                RegionCode = County, UnitId = demo.UnitId, Title = "结果未公示的抽查", DrawDate = new(2026, 11, 20), PublicNonce = "1", Seed = "s",
                ResultSummary = "尚在核实的检查结果", DrawnAt = app.Clock.GetUtcNow(),
            });
            db.Set<RandomDraw>().Add(new RandomDraw
            {
                RegionCode = OtherCounty, UnitId = other.Id, Title = "邻县的抽查", DrawDate = new(2026, 11, 20), PublicNonce = "1", Seed = "s",
                DrawnAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        var draws = await app.Db(db => db.Set<RandomDraw>().CountAsync(d => d.RegionCode == County));

        var html = await AnonymousHtmlAsync(app, "/Disclosure/Draws");

        Assert.Equal(draws, Total(html));
        Assert.Equal(draws, Count(html, "draw"));
        Assert.Contains($"href=\"/Public/Inspections/Draws/{demo.Id}\">{demo.Title}", html, StringComparison.Ordinal);
        Assert.Contains($"检查结果（{demo.ResultsPublishedOn:yyyy-MM-dd} 公示）：{demo.ResultSummary}", html, StringComparison.Ordinal);
        Assert.Contains("结果未公示的抽查", html, StringComparison.Ordinal);
        Assert.DoesNotContain("尚在核实的检查结果", html, StringComparison.Ordinal);
        Assert.DoesNotContain("邻县的抽查", html, StringComparison.Ordinal);
        Assert.Equal(0, Total(await AnonymousHtmlAsync(app, $"/Disclosure/Draws?unitId={other.Id}")));
        await AnonymousHtmlAsync(app, $"/Public/Inspections/Draws/{demo.Id}");
    }
}
