using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>督查: team, assignment, visits, the team's assessment beside the unit's answers, findings; the Inspector's scope (Features/Campaigns/Supervision).</summary>
public sealed class SupervisionTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    /// <summary>A running campaign for U12 and U13 with the demo inspector on the team, assigned to U12 only.</summary>
    private async Task<(CampaignDto Campaign, InspectionDto U12, InspectionDto U13)> SetUpAsync(string name)
    {
        var c = await CampaignApi.RunningAsync(app, name, "U12", "U13");
        using var supervisor = await app.ClientFor("supervisor");
        var inspector = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team",
            new TeamMemberInput("王特邀", MemberKind.SpecialSupervisor, "inspector")), HttpStatusCode.Created);
        var deputy = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team",
            new TeamMemberInput("李代表", MemberKind.Deputy)), HttpStatusCode.Created);
        var u12 = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections",
            new AssignInspectionInput(await app.UnitId("U12"), [inspector.Id, deputy.Id])));
        var u13 = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections",
            new AssignInspectionInput(await app.UnitId("U13"), [deputy.Id])));
        return (c, u12, u13);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/team")]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/inspections")]
    public async Task Team_MembersAndAssignments_AreStoredWithAudit_UnitStaffAndInspectorCannotBuildTheTeam()
    {
        var (c, u12, _) = await SetUpAsync("督查组");
        var members = await app.Db(db => db.Set<TeamMember>().AsNoTracking().Where(m => m.CampaignId == c.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([("王特邀", MemberKind.SpecialSupervisor, "inspector"), ("李代表", MemberKind.Deputy, null)],
            members.Select(m => (m.Name, m.Kind, m.UserName)).ToList());
        Assert.Equal(2, u12.MemberIds.Count);
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(TeamMember), members[0].Id, "Create");
        Assert.Equal(nameof(MemberKind.SpecialSupervisor), after.GetProperty("Kind").GetString());

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("自己加", MemberKind.Bureau)), HttpStatusCode.Forbidden);
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/{c.Id}/inspections", new AssignInspectionInput(await app.UnitId("U12"), [members[0].Id])), HttpStatusCode.Forbidden);
        using var supervisor = await app.ClientFor("supervisor");
        var outside = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections",
            new AssignInspectionInput(await app.UnitId("U14"), [members[0].Id])), HttpStatusCode.BadRequest);
        Assert.Equal("该单位未参与本次专项治理", outside.Error("unitId"));
        var noUser = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("无账号", MemberKind.Bureau, "nobody")), HttpStatusCode.BadRequest);
        Assert.Equal("登录账号不存在", noUser.Error("userName"));
        var tooLong = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team",
            new TeamMemberInput(new string('名', CampaignColumns.PersonLength + 1), MemberKind.Bureau)), HttpStatusCode.BadRequest);
        Assert.Equal($"成员姓名不能超过 {CampaignColumns.PersonLength} 个字", tooLong.Error("name"));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/inspections/{id:long}/visits")]
    [ScopeCovered("PUT /api/v1/campaigns/inspections/{id:long}/assessments")]
    [ScopeCovered("GET /api/v1/campaigns/inspections/{id:long}/comparison")]
    public async Task Inspector_RecordsAVisitAndDisagreesOnOnePoint_TheComparisonHighlightsIt_AndSeesOnlyTheAssignedUnit()
    {
        var (c, u12, u13) = await SetUpAsync("对照测试");
        var self = CampaignApi.SelfInspectionOf(c, await app.UnitId("U12"));
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{self}/answers",
            new AnswerSelfInspectionInput(CampaignApi.PointIds(c).Select(p => new AnswerInput(p, Verdict.Compliant, "已落实")).ToList())));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Ok<InspectionDto>(await inspector.PostJson($"/api/v1/campaigns/inspections/{u12.Id}/visits",
            new VisitInput(VisitMethod.DocumentReview, new DateOnly(2026, 11, 24), "查阅 2025 年处罚案卷 12 卷")));
        var disputed = c.Items[0].Points[0].Id;
        await HttpAssert.Ok<InspectionDto>(await inspector.PutJson($"/api/v1/campaigns/inspections/{u12.Id}/assessments",
            new AssessInput(CampaignApi.PointIds(c).Select(p => new AssessmentInput(p, p == disputed ? Verdict.NonCompliant : Verdict.Compliant, p == disputed ? "公示栏两名离职人员仍在公示" : null)).ToList())));
        var visit = await app.Db(db => db.Set<SupervisionVisit>().AsNoTracking().SingleAsync(v => v.SupervisoryInspectionId == u12.Id));
        Assert.Equal((VisitMethod.DocumentReview, "inspector"), (visit.Method, visit.RecordedBy));
        var (_, _, assessed) = await CampaignApi.AuditAsync(app, nameof(SupervisoryInspection), u12.Id, "Assess");
        Assert.Equal(5, assessed.GetProperty("Assessments").GetArrayLength());

        var cmp = await HttpAssert.Ok<ComparisonDto>(await inspector.GetAsync($"/api/v1/campaigns/inspections/{u12.Id}/comparison"));
        Assert.Equal(1, cmp.Differences);
        var row = Assert.Single(cmp.Rows, r => r.Differs);
        Assert.Equal((disputed, "符合", "不符合", "公示栏两名离职人员仍在公示"), (row.PointId, row.UnitVerdict, row.TeamVerdict, row.TeamNote));
        Assert.Equal("查阅资料", Assert.Single(cmp.Visits).MethodText);

        // Not assigned to U13: its inspection does not exist for this inspector.
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/inspections/{u13.Id}/comparison"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/inspections/{u13.Id}/visits",
            new VisitInput(VisitMethod.Briefing, new DateOnly(2026, 11, 24), "越权")), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit.GetAsync($"/api/v1/campaigns/inspections/{u12.Id}/comparison"), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.Set<SupervisionVisit>().AnyAsync(v => v.Notes == "越权")));

        var foreign = await HttpAssert.Problem(await inspector.PutJson($"/api/v1/campaigns/inspections/{u12.Id}/assessments",
            new AssessInput([new AssessmentInput(999999, Verdict.Compliant)])), HttpStatusCode.BadRequest);
        Assert.Equal("该检查内容不在本次专项治理的检查清单中", foreign.Error("assessments[0].pointId"));
        var future = await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/inspections/{u12.Id}/visits",
            new VisitInput(VisitMethod.Interview, new DateOnly(2026, 11, 26), "明天")), HttpStatusCode.BadRequest);
        Assert.Equal("督查日期不能晚于今天", future.Error("on"));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/inspections/{id:long}/findings")]
    public async Task Finding_LandsInTheLedgerWithSourceSupervisoryInspection_InspectorNotOnTheTeamSeesNoCampaign()
    {
        var (c, u12, _) = await SetUpAsync("督查发现");
        using var inspector = await app.ClientFor("inspector");
        var p = await HttpAssert.Ok<CampaignProblemDto>(await inspector.PostJson($"/api/v1/campaigns/inspections/{u12.Id}/findings",
            new CampaignProblemInput("执法能力", "执法人员年度培训学时不足")), HttpStatusCode.Created);
        var stored = await app.Stored(p.Id);
        Assert.Equal((ProblemSource.SupervisoryInspection, "Campaign", c.Id, await app.UnitId("U12")), (stored.Source, stored.SourceType, stored.SourceId!.Value, stored.UnitId));
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/inspections/{u12.Id}/findings", new CampaignProblemInput("执法能力", "单位自己")), HttpStatusCode.Forbidden);

        // A campaign whose team the inspector is not on is invisible to them.
        var other = await CampaignApi.RunningAsync(app, "无关专项", "U12");
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/{other.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(c.Id, (await HttpAssert.Ok<CampaignDto>(await inspector.GetAsync($"/api/v1/campaigns/{c.Id}"))).Id);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/enterprise-visits")]
    public async Task EnterpriseVisit_StoresTheQuestionnaire_AProblemReportedNeedsTheAccount()
    {
        var (c, _, _) = await SetUpAsync("走访企业");
        var enterprise = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        using var inspector = await app.ClientFor("inspector");
        var url = $"/api/v1/campaigns/{c.Id}/enterprise-visits";
        var noAccount = await HttpAssert.Problem(await inspector.PostJson(url,
            new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), true, false, false, false, false)), HttpStatusCode.BadRequest);
        Assert.Contains("请写明情况", noAccount.Error("account"), StringComparison.Ordinal);
        var v = await HttpAssert.Ok<EnterpriseVisitDto>(await inspector.PostJson(url,
            new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), true, false, false, false, false, "10 月被两个科室分别检查", await app.UnitId("U12"))), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Set<EnterpriseVisit>().AsNoTracking().SingleAsync(x => x.Id == v.Id));
        Assert.True(stored.OverlappingInspections);
        Assert.Equal("10 月被两个科室分别检查", stored.Account);
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson(url, new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), false, false, false, false, false)), HttpStatusCode.Forbidden);
        var other = await CampaignApi.RunningAsync(app, "走访无关", "U12");
        await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/{other.Id}/enterprise-visits",
            new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), false, false, false, false, false)), HttpStatusCode.NotFound);
    }
}
