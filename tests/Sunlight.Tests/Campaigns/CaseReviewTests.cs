using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>案卷评查: the reproducible draw, the rubric, scoring with vetoes and variance, defects on the ledger (Features/Campaigns/Review).</summary>
public sealed class CaseReviewTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<(CampaignDto Campaign, long U15, long U16)> SetUpAsync(string name, int casesEach)
    {
        await CampaignApi.SeedCasesAsync(app, "U15", casesEach, name);
        await CampaignApi.SeedCasesAsync(app, "U16", casesEach, name);
        return (await CampaignApi.RunningAsync(app, name, "U15", "U16"), await app.UnitId("U15"), await app.UnitId("U16"));
    }

    /// <summary>The draw's published inputs, applied by hand: a unit's penalty cases filed from 2025-01-01 to today.</summary>
    private IQueryable<EnforcementCase> Eligible(Sunlight.Web.Infrastructure.Database.SunlightDbContext db, long unitId)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        return db.Set<EnforcementCase>().Where(x => x.UnitId == unitId && x.Kind == CaseKind.Penalty && x.FiledOn >= new DateOnly(2025, 1, 1) && x.FiledOn <= today);
    }

    private static ReviewPlanInput Plan(long u15, long u16, long seed, int files = 3, int reviewers = 1) =>
        new([u15, u16], [CaseKind.Penalty], files, reviewers, seed, new DateOnly(2025, 1, 1));

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/review-plans")]
    [ScopeCovered("GET /api/v1/campaigns/review-plans/{id:long}")]
    [ScopeCovered("GET /api/v1/campaigns/review-plans/{id:long}/redraw")]
    public async Task Draw_SameInputsGiveTheSameFiles_AnotherSeedOtherFiles_TheSeedIsShown_AndTheRedrawMatches()
    {
        var (c, u15, u16) = await SetUpAsync("抽取", 12);
        using var supervisor = await app.ClientFor("supervisor");
        var url = $"/api/v1/campaigns/{c.Id}/review-plans";
        var first = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson(url, Plan(u15, u16, 20221130)), HttpStatusCode.Created);
        var same = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson(url, Plan(u15, u16, 20221130)), HttpStatusCode.Created);
        var other = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson(url, Plan(u15, u16, 7)), HttpStatusCode.Created);
        Assert.Equal(20221130, first.Seed);
        Assert.Equal(6, first.Files.Count);
        Assert.Equal(3, first.Files.Count(f => f.UnitId == u15));
        Assert.Equal(first.Files.Select(f => f.CaseId), same.Files.Select(f => f.CaseId));
        Assert.NotEqual(first.Files.Select(f => f.CaseId).Order(), other.Files.Select(f => f.CaseId).Order());
        Assert.Equal(1, first.RubricVersion);
        Assert.Contains("SHA-256", first.Method, StringComparison.Ordinal);
        // The published rule, re-run by hand: sort each unit's cases by SHA-256("seed|code|number").
        // Every penalty case of U15 filed from the plan's date to the day of the draw (the demo register's too).
        var byHand = (await app.Db(db => Eligible(db, u15).Select(x => x.Number).ToListAsync()))
            .OrderBy(n => CaseDraw.Key(20221130, "U15", n), StringComparer.Ordinal).Take(3);
        Assert.Equal(byHand, first.Files.Where(f => f.UnitId == u15).Select(f => f.CaseNumber));
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(ReviewPlan), first.Id, "Create");
        Assert.Equal(20221130, after.GetProperty("Seed").GetInt64());

        using var inspector = await app.ClientFor("inspector");
        var redraw = await HttpAssert.Ok<RedrawDto>(await supervisor.GetAsync($"/api/v1/campaigns/review-plans/{first.Id}/redraw"));
        Assert.True(redraw.SameAsStored);
        var reseeded = await HttpAssert.Ok<RedrawDto>(await supervisor.GetAsync($"/api/v1/campaigns/review-plans/{first.Id}/redraw?seed=7"));
        Assert.False(reseeded.SameAsStored);
        // Not on this campaign's team: no plan, no redraw; units cannot plan.
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/review-plans/{first.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/review-plans/{first.Id}/redraw"), HttpStatusCode.NotFound);
        using var unit = await app.ClientFor("unit15");
        await HttpAssert.Problem(await unit.PostJson(url, Plan(u15, u16, 1)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Draw_AskingMoreFilesThanExist_Is409InChinese_AndNothingStored_BadInputIs400()
    {
        var (c, u15, u16) = await SetUpAsync("不足", 2);
        using var supervisor = await app.ClientFor("supervisor");
        var url = $"/api/v1/campaigns/{c.Id}/review-plans";
        // Earlier tests' cases of these units are on the register too: ask for more than all of them.
        var available = await app.Db(db => Eligible(db, u15).CountAsync());
        var tooMany = await HttpAssert.Problem(await supervisor.PostJson(url, Plan(u15, u16, 1, files: available + 1)), HttpStatusCode.Conflict);
        Assert.Equal(CaseDraw.SizeRule, tooMany.GetProperty("rule").GetString());
        Assert.Contains($"只有 {available} 份符合条件的案卷", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<ReviewPlan>().AnyAsync(p => p.CampaignId == c.Id)));
        var zero = await HttpAssert.Problem(await supervisor.PostJson(url, Plan(u15, u16, 1, files: 0)), HttpStatusCode.BadRequest);
        Assert.Equal("每个单位抽取的案卷数须在 1 到 200 之间", zero.Error("filesPerUnit"));
        var three = await HttpAssert.Problem(await supervisor.PostJson(url, Plan(u15, u16, 1, reviewers: 3)), HttpStatusCode.BadRequest);
        Assert.Equal("每份案卷由 1 或 2 名评查人员评查", three.Error("reviewersPerFile"));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/reviews/{id:long}/scores")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/review-results")]
    public async Task Score_TwoReviewers_VarianceFlagged_DefectsOnTheLedger_VetoFails_OutsideTheRubricIs400()
    {
        var (c, u15, u16) = await SetUpAsync("打分", 4);
        using var supervisor = await app.ClientFor("supervisor");
        var plan = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/review-plans", Plan(u15, u16, 42, files: 1, reviewers: 2)), HttpStatusCode.Created);
        var items = await app.Db(db => db.Set<RubricItem>().Where(i => i.RubricId == plan.RubricId).ToDictionaryAsync(i => i.Code, i => i.Id));
        var file = plan.Files.First(f => f.UnitId == u15);
        var vetoFile = plan.Files.First(f => f.UnitId == u16);
        var url = $"/api/v1/campaigns/reviews/{file.ReviewId}/scores";

        var outside = await HttpAssert.Problem(await supervisor.PostJson(url, new ScoreInput([new MarkInput(999999, "不存在的项目")])), HttpStatusCode.BadRequest);
        Assert.Equal("该评查项目不在所用评查标准（第 1 版）中", outside.Error("marks[0].rubricItemId"));
        // Supervisor: −2 (F1) −3 (S1) = 95.
        var first = await HttpAssert.Ok<CaseFileReviewDto>(await supervisor.PostJson(url, new ScoreInput([new MarkInput(items["F1"], "无立案审批表"), new MarkInput(items["S1"], "无调查终结报告")])));
        Assert.Null(first.FinalScore);
        var twice = await HttpAssert.Problem(await supervisor.PostJson(url, new ScoreInput([])), HttpStatusCode.Conflict);
        Assert.Equal("Z-REVIEWER", twice.GetProperty("rule").GetString());
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson(url, new ScoreInput([])), HttpStatusCode.NotFound); // not on the team
        await AddInspectorAsync(c.Id);
        var done = await HttpAssert.Ok<CaseFileReviewDto>(await inspector.PostJson(url, new ScoreInput(
            [new MarkInput(items["S3"], "引用法条不具体"), new MarkInput(items["S4"], "未说明裁量理由"), new MarkInput(items["S5"], "证据无来源"),
             new MarkInput(items["S6"], "超期"), new MarkInput(items["F2"], "未送达")])));
        // 95 and 100 − 2 − 12 = 86: differ by 9 → not flagged; average 90.5 → 优秀.
        Assert.Equal([95, 86], done.Scores.Select(s => s.Score));
        Assert.False(done.VarianceFlag);
        Assert.Equal((90.5m, "优秀"), (done.FinalScore!.Value, done.Grade));
        Assert.Equal(7, done.Defects.Count);
        var problems = await app.Db(db => db.Set<Problem>().AsNoTracking().Where(p => p.SourceType == "Campaign" && p.SourceId == c.Id).ToListAsync());
        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.Equal((ProblemSource.CaseReview, u15), (p.Source, p.UnitId)));
        Assert.Equal(done.Defects.Select(d => d.ProblemId!.Value).Order(), problems.Select(p => p.Id).Order());
        Assert.Contains(problems, p => p.Category == "法律适用" && p.Description.Contains("（法律适用）", StringComparison.Ordinal));
        var (_, _, scored) = await CampaignApi.AuditAsync(app, nameof(CaseFileReview), file.ReviewId, "Score");
        Assert.Equal(86, scored.GetProperty("Score").GetInt32());
        var full = await HttpAssert.Problem(await supervisor.PostJson(url, new ScoreInput([])), HttpStatusCode.Conflict);
        Assert.Equal("Z-REVIEWED", full.GetProperty("rule").GetString());

        // A veto: 0 points and 不合格; with a clean second score (100) the two differ by more than 10 → flagged.
        var veto = $"/api/v1/campaigns/reviews/{vetoFile.ReviewId}/scores";
        await HttpAssert.Ok<CaseFileReviewDto>(await supervisor.PostJson(veto, new ScoreInput([new MarkInput(items["V3"], "仅一名执法人员")])));
        var vetoed = await HttpAssert.Ok<CaseFileReviewDto>(await inspector.PostJson(veto, new ScoreInput([])));
        Assert.Equal([0, 100], vetoed.Scores.Select(s => s.Score));
        Assert.Equal((true, true, "不合格"), (vetoed.Vetoed, vetoed.VarianceFlag, vetoed.Grade));
        Assert.Equal(50m, vetoed.FinalScore);

        var results = await HttpAssert.Ok<List<UnitResult>>(await supervisor.GetAsync($"/api/v1/campaigns/{c.Id}/review-results"));
        var r15 = results.Single(r => r.UnitId == u15);
        Assert.Equal((1, 1, 90.5m, 1), (r15.Files, r15.Scored, r15.AverageScore!.Value, r15.Grades["优秀"]));
        Assert.Equal((3, 1, 1), (r15.DefectsByCategory["程序"], r15.DefectsByCategory["法律适用"], r15.DefectsByCategory["裁量"]));
        using var unit = await app.ClientFor("unit15");
        await HttpAssert.Problem(await unit.GetAsync($"/api/v1/campaigns/{c.Id}/review-results"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit.PostJson(url, new ScoreInput([])), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/review-plans/{id:long}/files")]
    public async Task ManualAddition_IsMarked_ItsReasonAudited_OutsideTheRedraw_UnknownOrDuplicateRefused()
    {
        var (c, u15, u16) = await SetUpAsync("人工增加", 4);
        using var supervisor = await app.ClientFor("supervisor");
        var plan = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/review-plans", Plan(u15, u16, 11, files: 1)), HttpStatusCode.Created);
        var extra = await app.Db(db => db.Set<EnforcementCase>().Where(x => x.UnitId == u15 && x.Number.StartsWith("人工增加")).Select(x => x.Number).ToListAsync());
        var number = extra.First(n => plan.Files.All(f => f.CaseNumber != n));
        var url = $"/api/v1/campaigns/review-plans/{plan.Id}/files";
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostJson(url, new AddCaseFileInput(number, "群众举报该案处罚畸重"))).StatusCode);
        var added = await app.Db(db => db.Set<CaseFileReview>().SingleAsync(r => r.PlanId == plan.Id && r.IsManual));
        Assert.Equal((0, u15), (added.DrawRank, added.UnitId));
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(ReviewPlan), plan.Id, "AddCaseFile");
        Assert.Equal(("群众举报该案处罚畸重", number), (after.GetProperty("Reason").GetString(), after.GetProperty("CaseNumber").GetString()));
        var redraw = await HttpAssert.Ok<RedrawDto>(await supervisor.GetAsync($"/api/v1/campaigns/review-plans/{plan.Id}/redraw"));
        Assert.True(redraw.SameAsStored);

        var duplicate = await HttpAssert.Problem(await supervisor.PostJson(url, new AddCaseFileInput(number, "再加一次")), HttpStatusCode.Conflict);
        Assert.Equal("Z-DRAW-DUPLICATE", duplicate.GetProperty("rule").GetString());
        var unknown = await HttpAssert.Problem(await supervisor.PostJson(url, new AddCaseFileInput("不存在的案号", "理由")), HttpStatusCode.BadRequest);
        Assert.Equal("被评查单位的案件库中没有该案号", unknown.Error("caseNumber"));
        var noReason = await HttpAssert.Problem(await supervisor.PostJson(url, new AddCaseFileInput(number, "")), HttpStatusCode.BadRequest);
        Assert.NotNull(noReason.Error("reason"));
        Assert.Equal(1, await app.Db(db => db.Set<CaseFileReview>().CountAsync(r => r.PlanId == plan.Id && r.IsManual)));
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson(url, new AddCaseFileInput(number, "理由")), HttpStatusCode.Forbidden);
    }

    private async Task AddInspectorAsync(long campaignId)
    {
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Ok<Sunlight.Web.Features.Campaigns.Supervision.TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{campaignId}/team",
            new Sunlight.Web.Features.Campaigns.Supervision.TeamMemberInput("评查员", MemberKind.LegalProfessional, "inspector")), HttpStatusCode.Created);
    }
}
