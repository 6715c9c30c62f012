using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;

namespace Sunlight.Tests.Campaigns;

/// <summary>GET /campaigns/{id}/figures: each figure counts exactly the records its recordsUrl lists, and those are the campaign's own.</summary>
public sealed class FiguresTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SunlightApp, Lazy<Task<(long Campaign, Dictionary<string, long[]> Expected)>>> Setups = new();

    /// <summary>
    /// One campaign for U17–U19: U17 submits its self-inspection and is visited; U18 is assigned but not yet visited;
    /// two enterprises visited (one twice); a self-inspection problem (written off), a finding, one file scored with one defect.
    /// </summary>
    private Task<(long Campaign, Dictionary<string, long[]> Expected)> SetUpAsync() =>
        Setups.GetOrAdd(app, a => new Lazy<Task<(long, Dictionary<string, long[]>)>>(() => BuildAsync(a))).Value;

    private static async Task<(long, Dictionary<string, long[]>)> BuildAsync(SunlightApp app)
    {
        await CampaignApi.SeedCasesAsync(app, "U17", 3, "数据");
        var c = await CampaignApi.RunningAsync(app, "数据测试", "U17", "U18", "U19");
        var (u17, u18, u19) = (await app.UnitId("U17"), await app.UnitId("U18"), await app.UnitId("U19"));
        var self = CampaignApi.SelfInspectionOf(c, u17);
        using var unit = await app.ClientFor("unit17");
        await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{self}/answers",
            new AnswerSelfInspectionInput(CampaignApi.PointIds(c).Select(p => new AnswerInput(p, Verdict.Compliant)).ToList())));
        await HttpAssert.Ok<SelfInspectionDto>(await unit.PostJson($"/api/v1/campaigns/self-inspections/{self}/submit", new { }));
        var selfProblem = await HttpAssert.Ok<CampaignProblemDto>(await unit.PostJson($"/api/v1/campaigns/self-inspections/{self}/problems",
            new CampaignProblemInput("三项制度落实", "数据测试：公示不全")), HttpStatusCode.Created);

        using var supervisor = await app.ClientFor("supervisor");
        var member = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("赵委员", MemberKind.PoliticalAdvisor)), HttpStatusCode.Created);
        var i17 = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections", new AssignInspectionInput(u17, [member.Id])));
        await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections", new AssignInspectionInput(u18, [member.Id])));
        await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/inspections/{i17.Id}/visits", new VisitInput(VisitMethod.Briefing, new DateOnly(2026, 11, 24), "听取汇报")));
        var finding = await HttpAssert.Ok<CampaignProblemDto>(await supervisor.PostJson($"/api/v1/campaigns/inspections/{i17.Id}/findings",
            new CampaignProblemInput("执法能力", "数据测试：培训不足")), HttpStatusCode.Created);

        var enterprises = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync());
        foreach (var e in enterprises.Append(enterprises[0]))
        {
            await HttpAssert.Ok<EnterpriseVisitDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/enterprise-visits",
                new EnterpriseVisitInput(e, new DateOnly(2026, 11, 20), false, false, false, false, false)), HttpStatusCode.Created);
        }

        var plan = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/review-plans",
            new ReviewPlanInput([u17], [CaseKind.Penalty], 2, 1, 5)), HttpStatusCode.Created);
        var s2 = await app.Db(db => db.Set<RubricItem>().Where(i => i.RubricId == plan.RubricId && i.Code == "S2").Select(i => i.Id).SingleAsync());
        var scored = await HttpAssert.Ok<CaseFileReviewDto>(await supervisor.PostJson($"/api/v1/campaigns/reviews/{plan.Files[0].ReviewId}/scores",
            new ScoreInput([new MarkInput(s2, "未告知听证权利")])));

        // Write off the self-inspection problem through the ledger's own steps.
        var version = (await app.Stored(selfProblem.Id)).Version;
        var p = await ProblemApi.Post(unit, $"/api/v1/problems/{selfProblem.Id}/measures", new ProposeMeasuresInput("更新公示栏", new DateOnly(2026, 12, 10), version));
        p = await ProblemApi.Post(unit, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已更新", p.Version));
        await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version));

        var defect = await app.Db(db => db.Set<CaseFileDefect>().Where(d => d.ReviewId == scored.Id).Select(d => d.Id).SingleAsync());
        var expected = new Dictionary<string, long[]>
        {
            ["units-participating"] = [u17, u18, u19],
            ["units-self-inspected"] = [self],
            ["units-supervised"] = [i17.Id],
            ["enterprises-visited"] = [.. enterprises],
            ["problems"] = [selfProblem.Id, finding.Id, scored.Defects.Single().ProblemId!.Value],
            ["problems-written-off"] = [selfProblem.Id],
            ["case-files-reviewed"] = [scored.Id],
            ["case-file-defects"] = [defect],
        };
        return (c.Id, expected);
    }

    [Theory]
    [InlineData("units-participating")]
    [InlineData("units-self-inspected")]
    [InlineData("units-supervised")]
    [InlineData("enterprises-visited")]
    [InlineData("problems")]
    [InlineData("problems-written-off")]
    [InlineData("case-files-reviewed")]
    [InlineData("case-file-defects")]
    public async Task Figure_CountsExactlyTheRecordsItsRecordsUrlLists_AndTheyAreTheCampaigns(string key)
    {
        var (id, expected) = await SetUpAsync();
        using var supervisor = await app.ClientFor("supervisor");
        var figures = await HttpAssert.Ok<FiguresDto>(await supervisor.GetAsync($"/api/v1/campaigns/{id}/figures"));
        var figure = figures.Figures.Single(f => f.Key == key);
        var records = await HttpAssert.Ok<FigureRecords>(await supervisor.GetAsync(figure.RecordsUrl));
        Assert.Equal(expected[key].Order(), records.Records.Select(r => r.Id).Order());
        Assert.Equal((expected[key].Length, expected[key].Length), (figure.Value, records.Total));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/figures")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/figures/{key}/records")]
    public async Task Breakdowns_ByCategoryAndSource_AndDefectsByCategory_EachListTheirRecords_OutsidersAre404()
    {
        var (id, _) = await SetUpAsync();
        using var supervisor = await app.ClientFor("supervisor");
        var figures = (await HttpAssert.Ok<FiguresDto>(await supervisor.GetAsync($"/api/v1/campaigns/{id}/figures"))).Figures;
        Assert.Equal(CampaignFigures.Keys.Select(k => k.Key), figures.Select(f => f.Key));
        var problems = figures.Single(f => f.Key == "problems").Breakdown!;
        var byCategory = problems.Single(b => b.Key == "problems-by-category").Breakdown!;
        var bySource = problems.Single(b => b.Key == "problems-by-source").Breakdown!;
        Assert.Equal(["三项制度落实", "执法程序", "执法能力"], byCategory.Select(b => b.Label).Order(StringComparer.Ordinal));
        Assert.Equal(["案卷评查", "督查", "自查"], bySource.Select(b => b.Label).Order(StringComparer.Ordinal));
        var defects = figures.Single(f => f.Key == "case-file-defects").Breakdown!;
        Assert.Equal("程序", Assert.Single(defects).Label);
        foreach (var b in byCategory.Concat(bySource).Concat(defects))
        {
            var records = await HttpAssert.Ok<FigureRecords>(await supervisor.GetAsync(b.RecordsUrl));
            Assert.Equal((1, 1), (b.Value, records.Total));
        }
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/campaigns/{id}/figures/nonsense/records"), HttpStatusCode.NotFound);
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/{id}/figures"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/{id}/figures/problems/records"), HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/campaigns/{id}/figures")).StatusCode);
    }
}
