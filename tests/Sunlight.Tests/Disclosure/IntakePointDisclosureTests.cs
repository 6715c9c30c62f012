using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Disclosure.DisclosureTestKit;

namespace Sunlight.Tests.Disclosure;

/// <summary>投诉征集点 on the portal: the county's active public points, each with its QR code and the form it opens.</summary>
public sealed class IntakePointDisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task IntakePoints_ShowActivePublicPointsWithQrCodes_NotInactiveEnterpriseOrOtherCountyPoints()
    {
        await app.Db(async db =>
        {
            IntakePoint Point(string region, IntakePointKind kind, string name, string code, bool active = true) =>
                new() { RegionCode = region, Kind = kind, Name = name, Place = name + "门口", Code = code, IsActive = active, CreatedAt = app.Clock.GetUtcNow() };
            db.Set<IntakePoint>().AddRange(
                Point(County, IntakePointKind.ServiceHall, "停用的征集点", "QHT901", active: false),
                Point(OtherCounty, IntakePointKind.VillageBoard, "邻县村务公开栏", "QHT902"));
            return await db.SaveChangesAsync();
        });
        var shown = await app.Db(db => db.Set<IntakePoint>().Where(p => p.RegionCode == County && p.IsActive
            && p.Kind != IntakePointKind.Enterprise && p.Kind != IntakePointKind.Website).OrderBy(p => p.Id).ToListAsync());
        var hidden = await app.Db(db => db.Set<IntakePoint>().Where(p => p.RegionCode == County && p.Kind == IntakePointKind.Enterprise).Select(p => p.Code).ToListAsync());

        var html = await AnonymousHtmlAsync(app, "/Disclosure/IntakePoints");

        Assert.NotEmpty(shown);
        Assert.Equal(shown.Count, Total(html));
        Assert.Equal(shown.Count, Count(html, "intake-point"));
        Assert.Equal(shown.Count, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.All(shown, p =>
        {
            Assert.Contains($"alt=\"{p.Name}的投诉二维码\"", html, StringComparison.Ordinal);
            Assert.Contains($"/Public/Complaints/New?point={p.Code}\"", html, StringComparison.Ordinal);
        });
        Assert.NotEmpty(hidden);
        Assert.All(hidden, code => Assert.DoesNotContain($"point={code}", html, StringComparison.Ordinal));
        Assert.DoesNotContain("停用的征集点", html, StringComparison.Ordinal);
        Assert.DoesNotContain("邻县村务公开栏", html, StringComparison.Ordinal);
    }
}
