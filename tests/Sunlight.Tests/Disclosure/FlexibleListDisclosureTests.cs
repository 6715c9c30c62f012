using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using static Sunlight.Tests.Disclosure.DisclosureTestKit;

namespace Sunlight.Tests.Disclosure;

/// <summary>柔性执法清单 on the portal: the items of approved versions only, with their conditions; never drafts, superseded versions or other counties.</summary>
public sealed class FlexibleListDisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task FlexibleLists_ShowApprovedItemsWithConditions_NotDraftsSupersededOrOtherCounties()
    {
        var other = await OtherCountyUnitAsync(app, "清单");
        var approved = await app.Db(db => db.Set<LeniencyList>().Where(l => l.RegionCode == County && l.State == ListState.Approved)
            .Include(l => l.Items).ThenInclude(i => i.Conditions).OrderBy(l => l.Id).FirstAsync());
        await app.Db(async db =>
        {
            LeniencyList List(long unit, string region, ListState state, int number, string item) => new()
            {
                RegionCode = region, UnitId = unit, Kind = approved.Kind, Number = number, State = state, IsPublished = state == ListState.Approved,
                CreatedAt = app.Clock.GetUtcNow(), CreatedBy = "测试",
                Items = [new ListItem { RegionCode = region, UnitId = unit, Order = 1, Name = item, LegalBasis = "测试依据", Conditions = [new ListCondition { Order = 1, Text = item + "的条件" }] }],
            };
            db.Set<LeniencyList>().AddRange(
                List(approved.UnitId, County, ListState.Draft, 90, "草稿中的事项"),
                List(approved.UnitId, County, ListState.Superseded, 91, "已被替代的事项"),
                List(other.Id, OtherCounty, ListState.Approved, 1, "邻县批准的事项"));
            return await db.SaveChangesAsync();
        });
        var published = await app.Db(db => db.Set<ListItem>().CountAsync(i => i.RegionCode == County && i.List!.State == ListState.Approved && i.List.IsPublished));
        var ofList = await app.Db(db => db.Set<ListItem>().CountAsync(i => i.UnitId == approved.UnitId && i.List!.Kind == approved.Kind && i.List.State == ListState.Approved));
        var item = approved.Items.OrderBy(i => i.Order).First();

        var all = await AnonymousHtmlAsync(app, "/Disclosure/FlexibleLists");
        Assert.Equal(published, Total(all));
        Assert.Equal(Math.Min(published, 50), Count(all, "list-item"));

        var filtered = await AnonymousHtmlAsync(app, $"/Disclosure/FlexibleLists?unitId={approved.UnitId}&kind={approved.Kind}");
        Assert.Equal(ofList, Total(filtered));
        Assert.Contains(item.Name, filtered, StringComparison.Ordinal);
        Assert.Contains("法律依据：" + item.LegalBasis, filtered, StringComparison.Ordinal);
        Assert.All(item.Conditions, c => Assert.Contains($"<li>{c.Text}</li>", filtered, StringComparison.Ordinal));
        Assert.Contains($"{LeniencyNames.Of(approved.Kind)} · 第 {approved.Number} 版", filtered, StringComparison.Ordinal);
        foreach (var hidden in new[] { "草稿中的事项", "已被替代的事项", "邻县批准的事项" })
        {
            Assert.DoesNotContain(hidden, filtered, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, all, StringComparison.Ordinal);
        }
        Assert.Equal(0, Total(await AnonymousHtmlAsync(app, $"/Disclosure/FlexibleLists?unitId={other.Id}")));
    }
}
