using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Recheck;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Campaigns;

/// <summary>回头看: a written-off campaign problem re-checked months later; "recurred" reopens it through the ledger (Features/Campaigns/Recheck).</summary>
public sealed class RecheckTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<ProblemRecheck> Stored(long id) => app.Db(db => db.Set<ProblemRecheck>().AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/rechecks")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/rechecks")]
    public async Task Schedule_OnlyAWrittenOffProblemOfTheCampaign_OneOpenRecheckEach_DueAppearsInTheWorkHome()
    {
        var c = await CampaignApi.RunningAsync(app, "回头看安排", "U12");
        var problem = await FollowUpApi.WrittenOffCampaignProblemAsync(app, c, "U12", "处罚决定未在 7 个工作日内公示");
        var url = $"/api/v1/campaigns/{c.Id}/rechecks";
        using var supervisor = await app.ClientFor("supervisor");

        // Not written off yet; not the campaign's; months out of range; wrong role; unknown campaign.
        var self = CampaignApi.SelfInspectionOf(c, await app.UnitId("U12"));
        using var unit = await app.ClientFor("unit12");
        var open = await HttpAssert.Ok<Sunlight.Web.Features.Campaigns.SelfInspections.CampaignProblemDto>(await unit.PostJson($"/api/v1/campaigns/self-inspections/{self}/problems",
            new Sunlight.Web.Features.Campaigns.SelfInspections.CampaignProblemInput("执法程序", "尚在整改")), HttpStatusCode.Created);
        var notYet = await HttpAssert.Problem(await supervisor.PostJson(url, new ScheduleRecheckInput(open.Id, 3)), HttpStatusCode.Conflict);
        Assert.Equal(ScheduleRecheck.StateRule, notYet.GetProperty("rule").GetString());
        var elsewhere = await app.WrittenOffAsync("U12");
        Assert.Equal("该问题不是本次专项治理发现的问题", (await HttpAssert.Problem(await supervisor.PostJson(url, new ScheduleRecheckInput(elsewhere.Id, 3)), HttpStatusCode.BadRequest)).Error("problemId"));
        Assert.Equal("回头看应安排在 1 至 36 个月后", (await HttpAssert.Problem(await supervisor.PostJson(url, new ScheduleRecheckInput(problem, 0)), HttpStatusCode.BadRequest)).Error("afterMonths"));
        await HttpAssert.Problem(await supervisor.PostJson(url, new ScheduleRecheckInput(problem, ScheduleRecheckInputValidator.MaxMonths + 1)), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await unit.PostJson(url, new ScheduleRecheckInput(problem, 3)), HttpStatusCode.Forbidden);
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson(url, new ScheduleRecheckInput(problem, 3)), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/999999/rechecks", new ScheduleRecheckInput(problem, 3)), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.Set<ProblemRecheck>().AnyAsync(r => r.CampaignId == c.Id)));

        var r = await HttpAssert.Ok<RecheckDto>(await supervisor.PostJson(url, new ScheduleRecheckInput(problem, ScheduleRecheckInputValidator.MaxMonths)), HttpStatusCode.Created);
        var stored = await Stored(r.Id);
        var number = (await app.Stored(problem)).Number;
        Assert.Equal((problem, number, await app.UnitId("U12"), 36, new DateOnly(2029, 11, 25), "supervisor", (RecheckResult?)null),
            (stored.ProblemId, stored.ProblemNumber, stored.UnitId, stored.AfterMonths, stored.DueOn, stored.ScheduledBy, stored.Result));
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(ProblemRecheck), r.Id, "Create");
        Assert.Equal(("2029-11-25", number), (after.GetProperty("DueOn").GetString(), after.GetProperty("ProblemNumber").GetString()));
        var twice = await HttpAssert.Problem(await supervisor.PostJson(url, new ScheduleRecheckInput(problem, 1)), HttpStatusCode.Conflict);
        Assert.Equal(ScheduleRecheck.DuplicateRule, twice.GetProperty("rule").GetString());

        var list = await HttpAssert.Ok<Page<RecheckDto>>(await supervisor.GetAsync(url));
        Assert.Equal((1, r.Id), (list.Total!.Value, Assert.Single(list.Items).Id));
        await HttpAssert.Problem(await unit.GetAsync(url), HttpStatusCode.Forbidden);
        Assert.Equal(0, (await HttpAssert.Ok<Page<RecheckDto>>(await inspector.GetAsync(url))).Total);

        using (var before = await app.LoginWithCookieAsync("supervisor"))
        {
            Assert.DoesNotContain($"/Campaigns/Recheck/{r.Id}", await before.GetStringAsync("/"), StringComparison.Ordinal);
        }
        await app.Db(db => db.Set<ProblemRecheck>().Where(x => x.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueOn, new DateOnly(2026, 11, 25))));
        using var due = await app.LoginWithCookieAsync("supervisor");
        var home = await due.GetStringAsync("/");
        Assert.Contains($"/Campaigns/Recheck/{r.Id}", home, StringComparison.Ordinal);
        Assert.Contains($"回头看：问题 {number}", home, StringComparison.Ordinal);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/rechecks/{id:long}/result")]
    public async Task Record_HeldClosesIt_RecurredReopensTheProblemWithTheRecheckAsItsReason_OnceOnly()
    {
        var c = await CampaignApi.RunningAsync(app, "回头看结论", "U12");
        var held = await FollowUpApi.WrittenOffCampaignProblemAsync(app, c, "U12", "行政检查未事先审批");
        var recurred = await FollowUpApi.WrittenOffCampaignProblemAsync(app, c, "U12", "多头检查");
        var reopenedByHand = await FollowUpApi.WrittenOffCampaignProblemAsync(app, c, "U12", "执法证件过期");
        using var supervisor = await app.ClientFor("supervisor");
        async Task<long> ScheduleAsync(long problem) =>
            (await HttpAssert.Ok<RecheckDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/rechecks", new ScheduleRecheckInput(problem, 3)), HttpStatusCode.Created)).Id;
        var (r1, r2, r3) = (await ScheduleAsync(held), await ScheduleAsync(recurred), await ScheduleAsync(reopenedByHand));

        var url = $"/api/v1/campaigns/rechecks/{r1}/result";
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson(url, new RecordRecheckInput(RecheckResult.Held, "自己说好了")), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/rechecks/999999/result", new RecordRecheckInput(RecheckResult.Held, "无")), HttpStatusCode.NotFound);
        Assert.Equal("请选择回头看结论", (await HttpAssert.Problem(await supervisor.PostJson(url, new RecordRecheckInput(null, "无")), HttpStatusCode.BadRequest)).Error("result"));
        Assert.Equal($"回头看情况不能超过 {FollowUpColumns.RecheckNotesLength} 个字", (await HttpAssert.Problem(await supervisor.PostJson(url,
            new RecordRecheckInput(RecheckResult.Held, new string('查', FollowUpColumns.RecheckNotesLength + 1))), HttpStatusCode.BadRequest)).Error("notes"));
        Assert.Null((await Stored(r1)).Result);

        var notes = new string('查', FollowUpColumns.RecheckNotesLength);
        var ok = await HttpAssert.Ok<RecheckDto>(await supervisor.PostJson(url, new RecordRecheckInput(RecheckResult.Held, notes)));
        Assert.Equal(("整改到位", new DateOnly(2026, 11, 25), "supervisor"), (ok.ResultText!, ok.CheckedOn!.Value, ok.CheckedBy!));
        Assert.Equal((RecheckResult.Held, notes), ((await Stored(r1)).Result!.Value, (await Stored(r1)).Notes));
        Assert.Equal(ProblemState.WrittenOff, (await app.Stored(held)).State);
        var (_, _, heldAfter) = await CampaignApi.AuditAsync(app, nameof(ProblemRecheck), r1, "Update");
        Assert.Equal("Held", heldAfter.GetProperty("Result").GetString());
        var again = await HttpAssert.Problem(await supervisor.PostJson(url, new RecordRecheckInput(RecheckResult.Recurred, "再记一次")), HttpStatusCode.Conflict);
        Assert.Equal(RecordRecheck.DoneRule, again.GetProperty("rule").GetString());

        await HttpAssert.Ok<RecheckDto>(await supervisor.PostJson($"/api/v1/campaigns/rechecks/{r2}/result",
            new RecordRecheckInput(RecheckResult.Recurred, "抽查 2027 年 2 月案卷，仍有两个科室对同一企业分别检查")));
        var problem = await app.Stored(recurred);
        Assert.Equal((ProblemState.Raised, 1, (DateOnly?)null), (problem.State, problem.ReopenCount, problem.WrittenOffOn));
        Assert.StartsWith($"{Problem.ReopenPrefix}回头看（第 {r2} 号，2026-11-25，supervisor）发现问题复发：抽查 2027 年 2 月案卷", problem.VerificationOpinion, StringComparison.Ordinal);
        Assert.Equal(RecheckResult.Recurred, (await Stored(r2)).Result);
        var (_, before, after) = await app.LastAuditAsync(recurred, "StateChange");
        Assert.Equal(("WrittenOff", "Raised"), (before.GetProperty("State").GetString(), after.GetProperty("State").GetString()));

        // Reopened in the ledger meanwhile: the ledger's guard refuses, and the re-check stays open.
        await ProblemApi.Post(supervisor, $"/api/v1/problems/{reopenedByHand}/reopen", new ReopenInput("群众再次反映", (await app.Stored(reopenedByHand)).Version));
        var refused = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/rechecks/{r3}/result", new RecordRecheckInput(RecheckResult.Recurred, "复发")), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, refused.GetProperty("rule").GetString());
        Assert.Null((await Stored(r3)).Result);
        Assert.Equal(1, (await app.Stored(reopenedByHand)).ReopenCount);
    }
}
