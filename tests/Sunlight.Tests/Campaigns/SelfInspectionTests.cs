using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>自查: answering every point, submitting, the Supervisor's return, and problems put on the ledger (Features/Campaigns/SelfInspections).</summary>
public sealed class SelfInspectionTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static AnswerSelfInspectionInput AllCompliant(CampaignDto c) =>
        new(CampaignApi.PointIds(c).Select(p => new AnswerInput(p, Verdict.Compliant, "已落实")).ToList());

    [Fact]
    [ScopeCovered("PUT /api/v1/campaigns/self-inspections/{id:long}/answers")]
    [ScopeCovered("GET /api/v1/campaigns/self-inspections/{id:long}")]
    public async Task Answer_StoresTheAnswersAndTheirAuditEntry_OtherUnitIs404_SupervisorIs403()
    {
        var c = await CampaignApi.RunningAsync(app, "作答测试", "U05", "U06");
        var id = CampaignApi.SelfInspectionOf(c, await app.UnitId("U05"));
        using var unit05 = await app.ClientFor("unit05");
        var point = c.Items[0].Points[0].Id;
        var s = await HttpAssert.Ok<SelfInspectionDto>(await unit05.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers",
            new AnswerSelfInspectionInput([new AnswerInput(point, Verdict.NonCompliant, "公示栏未更新", "公示栏照片")])));
        Assert.Equal("不符合", s.Answers.Single().VerdictText);
        var stored = await app.Db(db => db.Set<SelfInspectionAnswer>().AsNoTracking().SingleAsync(a => a.SelfInspectionId == id));
        Assert.Equal((point, Verdict.NonCompliant, "公示栏未更新", "公示栏照片"), (stored.PointId, stored.Verdict, stored.Explanation, stored.Evidence));
        var (entry, _, after) = await CampaignApi.AuditAsync(app, nameof(SelfInspection), id, "Answer");
        Assert.Contains("unit05", entry.Actor, StringComparison.Ordinal);
        Assert.Equal(nameof(Verdict.NonCompliant), after.GetProperty("Answers")[0].GetProperty("Verdict").GetString());

        using var unit06 = await app.ClientFor("unit06");
        await HttpAssert.Problem(await unit06.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers", AllCompliant(c)), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit06.GetAsync($"/api/v1/campaigns/self-inspections/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(id, (await HttpAssert.Ok<SelfInspectionDto>(await unit05.GetAsync($"/api/v1/campaigns/self-inspections/{id}"))).Id);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers", AllCompliant(c)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Answer_ToAPointNotInTheChecklist_Is400_NonCompliantWithoutExplanationIs400_TooLongIs400_NothingStored()
    {
        var c = await CampaignApi.RunningAsync(app, "作答校验", "U07");
        var other = await CampaignApi.CreateAsync(app, "别的清单", "U07");
        var id = CampaignApi.SelfInspectionOf(c, await app.UnitId("U07"));
        using var unit = await app.ClientFor("unit07");
        var url = $"/api/v1/campaigns/self-inspections/{id}/answers";
        var mine = c.Items[0].Points[0].Id;
        var foreign = await HttpAssert.Problem(await unit.PutJson(url, new AnswerSelfInspectionInput(
            [new AnswerInput(mine, Verdict.Compliant), new AnswerInput(other.Items[0].Points[0].Id, Verdict.Compliant)])), HttpStatusCode.BadRequest);
        Assert.Equal("该检查内容不在本次专项治理的检查清单中", foreign.Error("answers[1].pointId"));
        var noWhy = await HttpAssert.Problem(await unit.PutJson(url, new AnswerSelfInspectionInput([new AnswerInput(mine, Verdict.NonCompliant)])), HttpStatusCode.BadRequest);
        Assert.Equal("“不符合”“基本符合”须填写情况说明", noWhy.Error("answers[0].explanation"));
        var full = new string('明', CampaignColumns.ExplanationLength);
        await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson(url, new AnswerSelfInspectionInput([new AnswerInput(mine, Verdict.BasicallyCompliant, full)])));
        var tooLong = await HttpAssert.Problem(await unit.PutJson(url, new AnswerSelfInspectionInput([new AnswerInput(mine, Verdict.BasicallyCompliant, full + "超")])), HttpStatusCode.BadRequest);
        Assert.Equal($"情况说明不能超过 {CampaignColumns.ExplanationLength} 个字", tooLong.Error("answers[0].explanation"));
        var stored = await app.Db(db => db.Set<SelfInspectionAnswer>().AsNoTracking().Where(a => a.SelfInspectionId == id).ToListAsync());
        Assert.Equal(full, Assert.Single(stored).Explanation);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/self-inspections/{id:long}/submit")]
    [ScopeCovered("POST /api/v1/campaigns/self-inspections/{id:long}/return")]
    public async Task Submit_NeedsEveryPointAnswered_ReturnSendsItBack_ResubmitWorks_AfterCloseIs409()
    {
        var c = await CampaignApi.RunningAsync(app, "提交测试", "U08", "U09");
        var id = CampaignApi.SelfInspectionOf(c, await app.UnitId("U08"));
        using var unit = await app.ClientFor("unit08");
        var submit = $"/api/v1/campaigns/self-inspections/{id}/submit";
        var partial = AllCompliant(c) with { Answers = AllCompliant(c).Answers!.Take(4).ToList() };
        await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers", partial));
        var missing = await HttpAssert.Problem(await unit.PostJson(submit, new { }), HttpStatusCode.Conflict);
        Assert.Equal("Z-ANSWERS", missing.GetProperty("rule").GetString());
        Assert.Contains("还有 1 项", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers", AllCompliant(c)));
        using var unit09 = await app.ClientFor("unit09");
        await HttpAssert.Problem(await unit09.PostJson(submit, new { }), HttpStatusCode.NotFound);
        var done = await HttpAssert.Ok<SelfInspectionDto>(await unit.PostJson(submit, new { }));
        Assert.Equal(SelfInspectionState.Submitted, done.State);
        var (_, before, after) = await CampaignApi.AuditAsync(app, nameof(SelfInspection), id, "StateChange");
        Assert.Equal((nameof(SelfInspectionState.Open), nameof(SelfInspectionState.Submitted)), (before.GetProperty("State").GetString(), after.GetProperty("State").GetString()));
        var locked = await HttpAssert.Problem(await unit.PutJson($"/api/v1/campaigns/self-inspections/{id}/answers", AllCompliant(c)), HttpStatusCode.Conflict);
        Assert.Equal(SelfInspection.StateRule, locked.GetProperty("rule").GetString());

        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/self-inspections/{id}/return", new ReturnSelfInspectionInput("补充说明")), HttpStatusCode.Forbidden);
        var noReason = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/self-inspections/{id}/return", new ReturnSelfInspectionInput("")), HttpStatusCode.BadRequest);
        Assert.Equal("请填写退回理由", noReason.Error("reason"));
        var returned = await HttpAssert.Ok<SelfInspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/self-inspections/{id}/return", new ReturnSelfInspectionInput("第 3 项说明过于简单")));
        Assert.Equal((SelfInspectionState.Returned, "第 3 项说明过于简单"), (returned.State, returned.ReturnReason));
        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/self-inspections/{id}/return", new ReturnSelfInspectionInput("再退")), HttpStatusCode.Conflict);
        Assert.Equal(SelfInspection.StateRule, again.GetProperty("rule").GetString());
        Assert.Equal(SelfInspectionState.Submitted, (await HttpAssert.Ok<SelfInspectionDto>(await unit.PostJson(submit, new { }))).State);

        // A submission after close is refused and nothing changes.
        var late = CampaignApi.SelfInspectionOf(c, await app.UnitId("U09"));
        await HttpAssert.Ok<SelfInspectionDto>(await unit09.PutJson($"/api/v1/campaigns/self-inspections/{late}/answers", AllCompliant(c)));
        await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/close", new { }));
        var closed = await HttpAssert.Problem(await unit09.PostJson($"/api/v1/campaigns/self-inspections/{late}/submit", new { }), HttpStatusCode.Conflict);
        Assert.Equal(Campaign.StateRule, closed.GetProperty("rule").GetString());
        Assert.Contains("已结束", closed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(SelfInspectionState.Open, await app.Db(db => db.Set<SelfInspection>().Where(s => s.Id == late).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/self-inspections/{id:long}/problems")]
    public async Task Problem_FoundInSelfInspection_LandsInTheLedgerAsTheCampaigns_WithSourceSelfInspection()
    {
        var c = await CampaignApi.RunningAsync(app, "自查问题", "U10", "U11");
        var id = CampaignApi.SelfInspectionOf(c, await app.UnitId("U10"));
        using var unit = await app.ClientFor("unit10");
        var p = await HttpAssert.Ok<CampaignProblemDto>(await unit.PostJson($"/api/v1/campaigns/self-inspections/{id}/problems",
            new CampaignProblemInput("三项制度落实", "自查发现公示栏未更新")), HttpStatusCode.Created);
        var stored = await app.Stored(p.Id);
        Assert.Equal((ProblemSource.SelfInspection, "Campaign", c.Id, await app.UnitId("U10"), ProblemState.Raised),
            (stored.Source, stored.SourceType, stored.SourceId!.Value, stored.UnitId, stored.State));
        Assert.Equal("自查发现公示栏未更新", (await app.LastAuditAsync(p.Id, "Create")).After.GetProperty("Description").GetString());

        using var unit11 = await app.ClientFor("unit11");
        await HttpAssert.Problem(await unit11.PostJson($"/api/v1/campaigns/self-inspections/{id}/problems", new CampaignProblemInput("三项制度落实", "越权")), HttpStatusCode.NotFound);
        var bad = await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/self-inspections/{id}/problems", new CampaignProblemInput("不存在", "类别错")), HttpStatusCode.BadRequest);
        Assert.Contains("类别字典", bad.Error("category"), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<Problem>().AnyAsync(x => x.Description == "越权" || x.Description == "类别错")));
    }
}
