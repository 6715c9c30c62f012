using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Insights.Dashboard;

namespace Sunlight.Tests.Insights;

/// <summary>Unit rankings with a minimum count: a unit with too few records is listed apart (样本不足), never ranked first on one case.</summary>
public sealed class UnitRankingTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static UnitIndicators Unit(string name, int closed, int onTime) => new(name.GetHashCode(), name, closed, onTime, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void AUnitBelowTheMinimum_IsListedApart_NotRankedFirst()
    {
        var ranking = UnitRanking.Rank([Unit("一件全按期", 1, 1), Unit("五件四件按期", UnitRanking.MinCount, UnitRanking.MinCount - 1),
            Unit("十件全按期", 10, 10), Unit("四件全按期", UnitRanking.MinCount - 1, UnitRanking.MinCount - 1), Unit("十件五件按期", 10, 5)], Indicator.OnTime);

        Assert.Equal(["十件全按期", "五件四件按期", "十件五件按期"], ranking.Ranked.Select(r => r.Unit.Name));
        Assert.Equal([1, 2, 3], ranking.Ranked.Select(r => r.Rank));
        Assert.Equal(["四件全按期", "一件全按期"], ranking.TooFew.Select(u => u.Name));
    }

    [Fact]
    public void EqualRates_ShareARank_AndLowerIsBetterForDefects()
    {
        var tie = UnitRanking.Rank([Unit("甲", 10, 9), Unit("乙", 20, 18), Unit("丙", 10, 5)], Indicator.OnTime);
        Assert.Equal([1, 1, 3], tie.Ranked.Select(r => r.Rank));
        Assert.Equal("乙", tie.Ranked[0].Unit.Name); // the larger sample first among equals

        var defects = UnitRanking.Rank([new UnitIndicators(1, "多瑕疵", 0, 0, 0, 0, 6, 12, 0, 0), new UnitIndicators(2, "少瑕疵", 0, 0, 0, 0, 6, 1, 0, 0),
            new UnitIndicators(3, "只评一卷", 0, 0, 0, 0, 1, 0, 0, 0)], Indicator.Defects);
        Assert.Equal(["少瑕疵", "多瑕疵"], defects.Ranked.Select(r => r.Unit.Name));
        Assert.Equal("只评一卷", Assert.Single(defects.TooFew).Name);
    }

    [Fact]
    public async Task Dashboard_ShowsTilesRankingAndTrend_ForSupervisorAndObserver_RefusesUnits()
    {
        var first = await app.Db(db => db.Set<Campaign>().OrderBy(c => c.StartsOn).Select(c => c.Id).FirstAsync());
        foreach (var user in new[] { "supervisor", "observer" })
        {
            using var client = await app.ClientFor(user);
            var html = await client.GetStringAsync($"/Insights?rank=Defects&campaign={first}");
            Assert.Contains("data-testid=\"insights-tile\"", html, StringComparison.Ordinal);
            Assert.Contains("data-key=\"complaints-on-time\"", html, StringComparison.Ordinal);
            Assert.Contains("样本不足", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"ranked-unit\"", html, StringComparison.Ordinal); // 2022's reviewed files rank units on defects
            Assert.Contains("insights-trend", html, StringComparison.Ordinal);
        }
        foreach (var user in new[] { "unit01", "enterprise" })
        {
            using var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Insights")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Insights/Records?key=problems")).StatusCode);
        }
    }

    [Fact]
    public async Task EveryTile_LinksToThePageListOfItsRecords_WhoseTotalIsTheTile()
    {
        var unit = await app.Db(db => db.Users.Where(u => u.UserName == "unit03").Select(u => u.UnitId!.Value).SingleAsync());
        var first = await app.Db(db => db.Set<Campaign>().OrderBy(c => c.StartsOn).Select(c => c.Id).FirstAsync());
        using var supervisor = await app.ClientFor("supervisor");
        foreach (var filter in new[] { "", $"?unit={unit}&from=2026-01-01&to=2026-12-31", $"?campaign={first}" })
        {
            var html = await supervisor.GetStringAsync("/Insights" + filter);
            var tiles = Regex.Matches(html, "href=\"([^\"]+)\" data-testid=\"insights-tile\" data-key=\"([^\"]+)\">.*?data-testid=\"insights-value\">(\\d+)<", RegexOptions.Singleline);
            Assert.True(tiles.Count >= SummaryTests.RequiredKeys.Length, html);
            foreach (Match t in tiles)
            {
                var page = await supervisor.GetStringAsync(System.Net.WebUtility.HtmlDecode(t.Groups[1].Value));
                var shown = Regex.Match(page, "data-testid=\"records-total\">共 (\\d+) 条<").Groups[1].Value;
                Assert.True(t.Groups[3].Value == shown, $"{t.Groups[2].Value}{filter}: tile {t.Groups[3].Value}, list {shown}");
            }
        }
    }
}
