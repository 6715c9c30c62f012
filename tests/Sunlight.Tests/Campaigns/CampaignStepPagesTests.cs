using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>
/// The steps that were API-only, in the browser: creating a campaign (typed checklist or copied), the team and its
/// assignments, returning a self-inspection, raising problems from the self-inspection and the inspection, the
/// case-file draw.
/// </summary>
public sealed class CampaignStepPagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string?>> CreateFieldsAsync(string name, string? checklist, long? copyFrom, params string[] units)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.Scope"] = "涉企行政执法", ["Input.ScopeSince"] = "2020-01-01", ["Input.StartsOn"] = "2026-11-01",
            ["Input.EndsOn"] = "2026-12-31", ["Input.SelfInspectionDueOn"] = "2026-12-15", ["Input.Plan"] = "实施方案", ["Checklist"] = checklist,
            ["Input.CopyChecklistFrom"] = copyFrom is null ? "" : Id(copyFrom.Value),
        };
        for (var i = 0; i < units.Length; i++)
        {
            fields[$"Input.UnitIds[{i}]"] = Id(await app.UnitId(units[i]));
        }
        return fields;
    }

    [Fact]
    public async Task Create_FromATypedChecklist_OrByCopyingAnEarlierOne_AndWithoutUnitsIsAChineseErrorWithNothingStored()
    {
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        const string page = "/Campaigns/Create";
        var created = await supervisor.PostFormAsync(page, page, await CreateFieldsAsync("页面制定", "行政执法公示制度\n- 事前公示是否完整\n- 决定是否按时公示\n执法全过程记录\n－ 是否全程记录", null, "U20", "U21"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.Db(db => db.Set<Campaign>().Include(c => c.Units).Include(c => c.Items).ThenInclude(i => i.Points).SingleAsync(c => c.Name == "页面制定"));
        Assert.Equal(CampaignState.Draft, stored.State);
        Assert.Equal(2, stored.Units.Count);
        Assert.Equal(["行政执法公示制度", "执法全过程记录"], stored.Items.OrderBy(i => i.Number).Select(i => i.Title));
        Assert.Equal([1, 2, 3], stored.Items.SelectMany(i => i.Points).Select(p => p.Number).Order());
        Assert.Equal("是否全程记录", stored.Items.Single(i => i.Number == 2).Points.Single().Text);
        Assert.EndsWith($"/Campaigns/Details/{stored.Id}", created.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var copied = await supervisor.PostFormAsync(page, page, await CreateFieldsAsync("页面复制", "", stored.Id, "U20"));
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.Equal(3, await app.Db(db => db.Set<Campaign>().Where(c => c.Name == "页面复制").SelectMany(c => c.Items).SelectMany(i => i.Points).CountAsync()));

        var bad = await supervisor.PostFormAsync(page, page, await CreateFieldsAsync("页面无单位", "事项\n- 内容", null));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请选择参与单位", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<Campaign>().AnyAsync(c => c.Name == "页面无单位")));

        using var unit = await PageSession.SignInAsync(app, "unit20");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task TeamAndAssignment_Return_AndProblemsFromTheSelfInspectionAndTheInspection_ThroughTheirPages()
    {
        var c = await CampaignApi.RunningAsync(app, "页面督查", "U20", "U21");
        var u20 = await app.UnitId("U20");
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var team = $"/Campaigns/Team/{c.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(team, team,
            new() { ["Input.Name"] = "王代表", ["Input.Kind"] = nameof(MemberKind.Deputy), ["Input.UserName"] = "inspector" })).StatusCode);
        var member = await app.Db(db => db.Set<TeamMember>().SingleAsync(m => m.CampaignId == c.Id));
        Assert.Equal(("王代表", MemberKind.Deputy, "inspector"), (member.Name, member.Kind, member.UserName));
        var noName = await supervisor.PostFormAsync(team, team, new() { ["Input.Name"] = "", ["Input.Kind"] = nameof(MemberKind.Deputy) });
        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
        Assert.Contains("成员姓名", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(team, $"/Campaigns/AssignInspection/{c.Id}",
            new() { ["Input.UnitId"] = Id(u20), ["Input.MemberIds[0]"] = Id(member.Id) })).StatusCode);
        var inspection = await app.Db(db => db.Set<SupervisoryInspection>().Include(i => i.Members).SingleAsync(i => i.CampaignId == c.Id));
        Assert.Equal((u20, member.Id), (inspection.UnitId, inspection.Members.Single().TeamMemberId));
        Assert.Contains("王代表", await supervisor.GetHtmlAsync(team), StringComparison.Ordinal);

        // unit20 answers and submits; the supervisor returns it from the campaign page's form.
        var self = CampaignApi.SelfInspectionOf(c, u20);
        using (var api = await app.ClientFor("unit20"))
        {
            await HttpAssert.Ok<SelfInspectionDto>(await api.PutJson($"/api/v1/campaigns/self-inspections/{self}/answers",
                new AnswerSelfInspectionInput(CampaignApi.PointIds(c).Select(p => new AnswerInput(p, Verdict.Compliant)).ToList())));
            await HttpAssert.Ok<SelfInspectionDto>(await api.PostJson($"/api/v1/campaigns/self-inspections/{self}/submit", new { }));
        }
        var details = $"/Campaigns/Details/{c.Id}";
        Assert.Contains($"/Campaigns/ReturnSelfInspection/{self}", await supervisor.GetHtmlAsync(details), StringComparison.Ordinal);
        var noReason = await supervisor.PostFormAsync(details, $"/Campaigns/ReturnSelfInspection/{self}", new() { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("退回理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(details, $"/Campaigns/ReturnSelfInspection/{self}",
            new() { ["Input.Reason"] = "第 2 项说明过于简单" })).StatusCode);
        var returned = await app.Db(db => db.Set<SelfInspection>().SingleAsync(s => s.Id == self));
        Assert.Equal((SelfInspectionState.Returned, "第 2 项说明过于简单"), (returned.State, returned.ReturnReason));

        using var unit = await PageSession.SignInAsync(app, "unit20");
        var selfPage = $"/Campaigns/SelfInspect/{self}";
        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync(selfPage, $"/Campaigns/RaiseProblem/{self}",
            new() { ["Input.Category"] = "执法程序", ["Input.Severity"] = nameof(ProblemSeverity.Minor), ["Input.Description"] = "页面自查发现：检查未事先审批" })).StatusCode);
        using var inspector = await PageSession.SignInAsync(app, "inspector");
        var inspect = $"/Campaigns/Inspect/{inspection.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await inspector.PostFormAsync(inspect, $"/Campaigns/RaiseFinding/{inspection.Id}",
            new() { ["Input.Category"] = "执法程序", ["Input.Description"] = "页面督查发现：重复检查" })).StatusCode);
        var problems = await app.Db(db => db.Set<Problem>().Where(p => p.SourceType == "Campaign" && p.SourceId == c.Id).ToListAsync());
        Assert.Equal(ProblemSource.SelfInspection, problems.Single(p => p.Description.StartsWith("页面自查", StringComparison.Ordinal)).Source);
        Assert.Equal(ProblemSource.SupervisoryInspection, problems.Single(p => p.Description.StartsWith("页面督查", StringComparison.Ordinal)).Source);
        Assert.All(problems, p => Assert.Equal(u20, p.UnitId));
        var badCategory = await unit.PostFormAsync(selfPage, $"/Campaigns/RaiseProblem/{self}", new() { ["Input.Category"] = "不存在的类别", ["Input.Description"] = "x" });
        Assert.Equal(HttpStatusCode.OK, badCategory.StatusCode);
        Assert.Contains("不在类别字典中", await badCategory.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Client.GetAsync(team)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.Client.GetAsync($"/Campaigns/ReturnSelfInspection/{self}")).StatusCode);
    }

    [Fact]
    public async Task Draw_FromTheDrawPage_StoresThePlanWithItsSeed_TooManyFilesIsRefusedWithNothingStored()
    {
        await CampaignApi.SeedCasesAsync(app, "U21", 3, "页面评查");
        var c = await CampaignApi.RunningAsync(app, "页面评查", "U21");
        using (var api = await app.ClientFor("supervisor"))
        {
            await HttpAssert.Ok<TeamMemberDto>(await api.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("督查员", MemberKind.SpecialSupervisor, "inspector")), HttpStatusCode.Created);
        }
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var draw = $"/Campaigns/Draw/{c.Id}";
        var fields = new Dictionary<string, string?>
        {
            ["Input.UnitIds[0]"] = Id(await app.UnitId("U21")), ["Input.Kinds[0]"] = "Penalty", ["Input.FilesPerUnit"] = "1", ["Input.ReviewersPerFile"] = "2",
            ["Input.Seed"] = "42", ["Input.FiledFrom"] = "2025-01-01",
        };
        var tooMany = await supervisor.PostFormAsync(draw, draw, new(fields) { ["Input.FilesPerUnit"] = "50" });
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("少于每个单位要抽取的 50 份", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<ReviewPlan>().AnyAsync(p => p.CampaignId == c.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(draw, draw, fields)).StatusCode);
        var plan = await app.Db(db => db.Set<ReviewPlan>().SingleAsync(p => p.CampaignId == c.Id));
        Assert.Equal(1, await app.Db(db => db.Set<CaseFileReview>().CountAsync(r => r.PlanId == plan.Id)));
        Assert.Equal((42L, 2), (plan.Seed, plan.ReviewersPerFile));
        var planPage = $"/Campaigns/ReviewPlans/{plan.Id}";
        Assert.Contains(">42<", await supervisor.GetHtmlAsync(planPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_FromTheScorePage_StoresEachReviewersScore_RaisesDefectsIntoTheLedger_FlagsVariance_AndAMarkWithoutReasonIsAChineseError()
    {
        await CampaignApi.SeedCasesAsync(app, "U19", 2, "页面打分");
        var c = await CampaignApi.RunningAsync(app, "页面打分", "U19");
        var u19 = await app.UnitId("U19");
        ReviewPlanDto plan;
        using (var api = await app.ClientFor("supervisor"))
        {
            await HttpAssert.Ok<TeamMemberDto>(await api.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("评查员", MemberKind.LegalProfessional, "inspector")), HttpStatusCode.Created);
            plan = await HttpAssert.Ok<ReviewPlanDto>(await api.PostJson($"/api/v1/campaigns/{c.Id}/review-plans",
                new ReviewPlanInput([u19], [Sunlight.Web.Features.Enforcement.CaseKind.Penalty], 1, 2, 5, new DateOnly(2025, 1, 1))), HttpStatusCode.Created);
        }
        var review = plan.Files.Single().ReviewId;
        var items = await app.Db(db => db.Set<RubricItem>().Where(i => i.RubricId == plan.RubricId).ToDictionaryAsync(i => i.Code, i => Id(i.Id)));
        var page = $"/Campaigns/Score/{Id(review)}";
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");

        var noReason = await supervisor.PostFormAsync(page, page, new() { ["Marked[0]"] = items["F1"], [$"Reasons[{items["F1"]}]"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请填写扣分理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<ReviewScore>().AnyAsync(s => s.ReviewId == review)));

        // Supervisor: −2 (F1) −3 (S1) = 95; the unmarked rows' empty reasons are ignored.
        var first = await supervisor.PostFormAsync(page, page, new()
        {
            ["Marked[0]"] = items["F1"], ["Marked[1]"] = items["S1"], [$"Reasons[{items["F1"]}]"] = "无立案审批表", [$"Reasons[{items["S1"]}]"] = "无调查终结报告",
            [$"Reasons[{items["F2"]}]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.EndsWith(page, first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<ReviewScore>().Include(s => s.Marks).SingleAsync(s => s.ReviewId == review));
        Assert.Equal(("supervisor", 95, false), (stored.Reviewer, stored.Score, stored.Vetoed));
        Assert.Equal(["无立案审批表", "无调查终结报告"], stored.Marks.Select(m => m.Reason).Order(StringComparer.Ordinal));

        // The inspector finds a veto (V3): 0 against 95 → differ by more than 10 → flagged; 47.5, 不合格.
        using var inspector = await PageSession.SignInAsync(app, "inspector");
        var second = await inspector.PostFormAsync(page, page, new() { ["Marked[0]"] = items["V3"], [$"Reasons[{items["V3"]}]"] = "仅一名执法人员" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var done = await app.Db(db => db.Set<CaseFileReview>().Include(r => r.Defects).SingleAsync(r => r.Id == review));
        Assert.Equal((47.5m, "不合格", true, true), (done.FinalScore!.Value, done.Grade, done.Vetoed, done.VarianceFlag));
        var problems = await app.Db(db => db.Set<Problem>().AsNoTracking().Where(p => p.SourceType == "Campaign" && p.SourceId == c.Id).ToListAsync());
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal((ProblemSource.CaseReview, u19), (p.Source, p.UnitId)));
        Assert.Equal(done.Defects.Select(d => d.ProblemId!.Value).Order(), problems.Select(p => p.Id).Order());
        var html = await inspector.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"variance\"", html, StringComparison.Ordinal);
        Assert.Contains("评查完成", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"score-form\"", html, StringComparison.Ordinal);

        using var unit = await PageSession.SignInAsync(app, "unit19");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Client.GetAsync(page)).StatusCode);
    }
}
