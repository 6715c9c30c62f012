using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Campaigns;

/// <summary>The demo county's campaigns: the press conference's figures come out of the 2022 campaign's records.</summary>
public sealed class DemoCampaignsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task PressConference2022_YieldsItsFiguresFromRecords_AndASecondCampaignIsRunning()
    {
        var (id, running) = await app.Db(async db => (
            await db.Set<Campaign>().Where(c => c.Name.StartsWith("2022年")).Select(c => c.Id).SingleAsync(),
            await db.Set<Campaign>().CountAsync(c => c.State == CampaignState.Running)));
        Assert.True(running >= 1);
        using var supervisor = await app.ClientFor("supervisor");
        var figures = (await HttpAssert.Ok<FiguresDto>(await supervisor.GetAsync($"/api/v1/campaigns/{id}/figures"))).Figures.ToDictionary(f => f.Key);
        Assert.Equal(22, figures["units-participating"].Value);
        Assert.Equal(22, figures["units-self-inspected"].Value);
        Assert.Equal(22, figures["units-supervised"].Value);
        Assert.Equal(16, figures["enterprises-visited"].Value);
        Assert.Equal(130, figures["case-files-reviewed"].Value);
        Assert.Equal(32, figures["case-file-defects"].Value);
        var byCategory = figures["problems"].Breakdown!.Single(b => b.Key == "problems-by-category").Breakdown!;
        Assert.Equal(18, byCategory.Single(b => b.Label == "三项制度落实").Value);
        Assert.Equal(["执法程序", "法律适用"], figures["problems"].Breakdown!.Single(b => b.Key == "problems-by-category").Breakdown!
            .Where(b => b.Label != "三项制度落实").Select(b => b.Label).Order(StringComparer.Ordinal));
        Assert.Equal(18 + 32, figures["problems"].Value);
        // The defects were raised when the files were reviewed in 2022, not on the day the demo was loaded.
        var defectDates = await app.Db(db => db.Set<Sunlight.Web.Features.Problems.Problem>()
            .Where(p => p.SourceType == "Campaign" && p.SourceId == id && p.Source == Sunlight.Web.Features.Problems.ProblemSource.CaseReview)
            .Select(p => new { p.RaisedOn, p.FoundOn, p.Number }).ToListAsync());
        Assert.Equal(32, defectDates.Count);
        Assert.All(defectDates, d => Assert.Equal((2022, 2022), (d.RaisedOn.Year, d.FoundOn.Year)));
        Assert.All(defectDates, d => Assert.StartsWith("WT2022", d.Number, StringComparison.Ordinal));
        var plan = await app.Db(db => db.Set<ReviewPlan>().SingleAsync(p => p.CampaignId == id));
        Assert.Equal(20221130, plan.Seed);
        using var page = await PageSession.SignInAsync(app, "supervisor");
        Assert.Contains("2022年损害营商环境行政执法", await page.GetHtmlAsync($"/Campaigns/Details/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(figures["case-file-defects"].RecordsUrl)).StatusCode);
    }
}
