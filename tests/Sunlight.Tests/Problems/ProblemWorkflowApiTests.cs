using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Features.Problems.Ruling;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Tests.Problems;

public sealed class ProblemWorkflowApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    [ScopeCovered("POST /api/v1/problems")]
    public async Task Raise_BySupervisor_StoresRaisedProblemAndNotifiesTheUnit_UnitStaffOnlyForOwnUnit()
    {
        var p = await app.RaiseAsync("U05", "登记测试：公示栏未更新");
        var stored = await app.Stored(p.Id);
        Assert.Equal(ProblemState.Raised, stored.State);
        Assert.Equal(await app.UnitId("U05"), stored.UnitId);
        Assert.Equal(new DateOnly(2026, 12, 2), stored.PlanDueOn); // 5 WD after Wed 2026-11-25
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Link == $"/Problems/Details?no={stored.Number}")));

        using var unit05 = await app.ClientFor("unit05");
        var own = new RaiseInput(ProblemSource.SelfInspection, await app.UnitId("U05"), "执法程序", ProblemSeverity.Minor, "自查发现：送达回证缺失", new DateOnly(2026, 11, 24), "法制员");
        await HttpAssert.Ok<ProblemDto>(await unit05.PostJson("/api/v1/problems", own), HttpStatusCode.Created);
        await HttpAssert.Problem(await unit05.PostJson("/api/v1/problems", own with { UnitId = await app.UnitId("U06"), Description = "越权登记" }), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.Set<Problem>().AnyAsync(x => x.Description == "越权登记")));

        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostJson("/api/v1/problems", own with { Description = "观察员登记" }), HttpStatusCode.Forbidden);

        using var supervisor = await app.ClientFor("supervisor");
        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems", own with { Category = "不存在的类别" }), HttpStatusCode.BadRequest);
        Assert.Contains("类别字典", bad.GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/measures")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/progress")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/submit")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/verify")]
    [ScopeCovered("GET /api/v1/problems/{id:long}/evidence/{fileId:long}")]
    public async Task FullLoop_ProposeProgressSubmit_RejectedOnce_ThenWrittenOff()
    {
        var p = await app.RaiseAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var unit04 = await app.ClientFor("unit04");
        using var supervisor = await app.ClientFor("supervisor");

        // Another unit's problem is not there; the bureau may not do the unit's steps.
        await HttpAssert.Problem(await unit04.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("越权", null, p.Version)), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("代办", null, p.Version)), HttpStatusCode.Forbidden);
        // A deadline before today is refused, and nothing changes.
        var past = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("措施", new DateOnly(2026, 11, 24), p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal("整改时限不能早于今天", past.GetProperty("errors").GetProperty("deadline")[0].GetString());
        Assert.Equal(ProblemState.Raised, (await app.Stored(p.Id)).State);
        // Submitting before any plan is a transition the state does not allow.
        var early = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/submit", new SubmitInput("完成", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal("R-STATE", early.GetProperty("rule").GetString());

        // No deadline given: the default 20 WD from Wed 2026-11-25 is Wed 2026-12-23.
        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("修订公示制度，专人每月更新", null, p.Version));
        Assert.Equal(ProblemState.Rectifying, p.State);
        Assert.Equal(new DateOnly(2026, 12, 23), p.Deadline);

        // A stale version is a 409, not a silent overwrite.
        var stale = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/submit", new SubmitInput("完成", Guid.NewGuid())), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());

        // Evidence: a forbidden type is refused with nothing saved, a PNG is stored by content.
        var exe = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("已整改", p.Version, ("tool.png", "MZ\u0090\u0000fake"u8.ToArray()))), HttpStatusCode.BadRequest);
        Assert.Contains("类型不允许", exe.GetProperty("errors").GetProperty("files")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Db(db => db.Set<ProblemProgress>().CountAsync(x => x.ProblemId == p.Id)));
        var big = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("已整改", p.Version, ("big.pdf", [.. "%PDF-"u8.ToArray(), .. new byte[10 * 1024 * 1024]]))), HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", big.GetProperty("errors").GetProperty("files")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.Problem(await unit04.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("越权", p.Version, ("a.png", Png))), HttpStatusCode.NotFound);

        p = await HttpAssert.Ok<ProblemDto>(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("已修订制度并更新公示栏", p.Version, ("公示栏.png", Png))));
        Assert.Equal("已修订制度并更新公示栏", p.LatestProgress);
        var detail = await HttpAssert.Ok<ProblemDetailDto>(await unit03.GetAsync($"/api/v1/problems/{p.Id}"));
        var evidence = Assert.Single(Assert.Single(detail.Progress).Evidence);
        Assert.Equal("image/png", evidence.ContentType);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "files", evidence.Sha256[..2], evidence.Sha256)));
        Assert.Equal(Png, await (await unit03.GetAsync($"/api/v1/problems/{p.Id}/evidence/{evidence.Id}")).Content.ReadAsByteArrayAsync());
        await HttpAssert.Problem(await unit04.GetAsync($"/api/v1/problems/{p.Id}/evidence/{evidence.Id}"), HttpStatusCode.NotFound);

        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已全部完成", p.Version));
        Assert.Equal(ProblemState.AwaitingVerification, p.State);

        // The unit cannot verify itself; a rejection needs a reason.
        await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version)), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/verify", new VerifyInput(false, "", p.Version)), HttpStatusCode.BadRequest);
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(false, "佐证材料不足，请补充公示截图", p.Version));
        Assert.Equal(ProblemState.Rectifying, p.State);
        Assert.Equal(1, p.RejectionCount);

        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已补充材料", p.Version));
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, "整改到位", p.Version));
        var stored = await app.Stored(p.Id);
        Assert.Equal(ProblemState.WrittenOff, stored.State);
        Assert.Equal(new DateOnly(2026, 11, 25), stored.WrittenOffOn);
        Assert.Equal("supervisor", stored.VerifiedBy);

        // The whole history comes from the audit log.
        detail = await HttpAssert.Ok<ProblemDetailDto>(await supervisor.GetAsync($"/api/v1/problems/{p.Id}"));
        Assert.Contains(detail.Timeline, t => t.Text.Contains("待核账 → 整改中", StringComparison.Ordinal));
        Assert.Contains(detail.Timeline, t => t.Text.Contains("待核账 → 已销账", StringComparison.Ordinal));
        Assert.Contains(detail.Timeline, t => t.Text.StartsWith("报送整改进展", StringComparison.Ordinal));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/reopen")]
    public async Task Reopen_OnlyWrittenOff_BySupervisor_BackToRaised()
    {
        var p = await app.RaiseAsync("U07");
        using var unit07 = await app.ClientFor("unit07");
        using var supervisor = await app.ClientFor("supervisor");
        var refused = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/reopen", new ReopenInput("复发", p.Version)), HttpStatusCode.Conflict);
        Assert.Contains("不能重新打开", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        p = await ProblemApi.Post(unit07, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("整改", new DateOnly(2026, 12, 10), p.Version));
        p = await ProblemApi.Post(unit07, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("完成", p.Version));
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version));
        await HttpAssert.Problem(await unit07.PostJson($"/api/v1/problems/{p.Id}/reopen", new ReopenInput("复发", p.Version)), HttpStatusCode.Forbidden);
        using var unit08 = await app.ClientFor("unit08");
        await HttpAssert.Problem(await unit08.PostJson($"/api/v1/problems/{p.Id}/reopen", new ReopenInput("复发", p.Version)), HttpStatusCode.Forbidden);
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/reopen", new ReopenInput("回访发现公示栏又未更新", p.Version));
        var stored = await app.Stored(p.Id);
        Assert.Equal(ProblemState.Raised, stored.State);
        Assert.Null(stored.WrittenOffOn);
        Assert.Null(stored.Deadline);
        Assert.Equal(1, stored.ReopenCount);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/dispute")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/dispute/ruling")]
    public async Task Dispute_ByUnit_RuledBySupervisor()
    {
        var p = await app.RaiseAsync("U09");
        using var unit09 = await app.ClientFor("unit09");
        using var unit10 = await app.ClientFor("unit10");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit10.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("不是我们的", p.Version)), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("", p.Version)), HttpStatusCode.BadRequest);
        p = await ProblemApi.Post(unit09, $"/api/v1/problems/{p.Id}/dispute", new DisputeInput("该事项属于乡镇综合执法队职责", p.Version));
        Assert.Equal(ProblemState.Disputed, p.State);
        await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(true, "成立", p.Version)), HttpStatusCode.Forbidden);
        // Rejected: back to where it was.
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(false, "经核实属于本单位职责", p.Version));
        Assert.Equal(ProblemState.Raised, p.State);
        p = await ProblemApi.Post(unit09, $"/api/v1/problems/{p.Id}/dispute", new DisputeInput("再次异议", p.Version));
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(true, "异议成立", p.Version));
        Assert.Equal(ProblemState.Dismissed, (await app.Stored(p.Id)).State);
        var again = await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("x", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal("R-STATE", again.GetProperty("rule").GetString());
    }

    [Fact]
    [ScopeCovered("GET /api/v1/problems")]
    [ScopeCovered("GET /api/v1/problems/{id:long}")]
    public async Task Ledger_UnitStaffSeeOwnUnit_ObserverReadsAll_InspectorRefused()
    {
        var foreign = await app.RaiseAsync("U12", "十二号单位的问题");
        using var unit11 = await app.ClientFor("unit11");
        var own = await app.UnitId("U11");
        var page = await HttpAssert.Ok<Page<ProblemDto>>(await unit11.GetAsync("/api/v1/problems?limit=200"));
        Assert.All(page.Items, p => Assert.Equal(own, p.UnitId));
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.UnitId == own)), page.Items.Count);
        await HttpAssert.Problem(await unit11.GetAsync($"/api/v1/problems/{foreign.Id}"), HttpStatusCode.NotFound);

        using var observer = await app.ClientFor("observer");
        var all = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?category=三项制度落实&limit=200"));
        Assert.True(all.Items.Count >= 18);
        Assert.All(all.Items, p => Assert.Equal("三项制度落实", p.Category));
        Assert.Equal(foreign.Id, (await HttpAssert.Ok<ProblemDetailDto>(await observer.GetAsync($"/api/v1/problems/{foreign.Id}"))).Problem.Id);

        var overdue = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?overdue=true&limit=200"));
        Assert.NotEmpty(overdue.Items);
        Assert.All(overdue.Items, p => Assert.True(p.Overdue && p.Deadline < new DateOnly(2026, 11, 25)));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/problems"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoSeed_HasTheEighteenThreeSystemsProblems_InAMixOfStates()
    {
        var seeded = await app.Db(db => db.Set<Problem>().Where(p => p.Category == "三项制度落实" && p.FoundBy != "督查组").ToListAsync());
        Assert.Equal(18, seeded.Count);
        Assert.All(seeded, p => Assert.Contains(p.Source, new[] { ProblemSource.SelfInspection, ProblemSource.SupervisoryInspection }));
        Assert.Contains(seeded, p => p.State == ProblemState.WrittenOff);
        Assert.Contains(seeded, p => p.State == ProblemState.AwaitingVerification);
        Assert.Contains(seeded, p => p.IsOverdueOn(new DateOnly(2026, 11, 25)));
        Assert.Contains(seeded, p => p.State == ProblemState.Rectifying && !p.IsOverdueOn(new DateOnly(2026, 11, 25)));
        Assert.True(seeded.Select(p => p.UnitId).Distinct().Count() >= 8);
        Assert.True(await app.Db(db => db.Set<Problem>().AnyAsync(p => p.Category != "三项制度落实")));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Problem" && a.Action == "StateChange")));
    }

    private static MultipartFormDataContent Form(string note, Guid version, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(note), "note" },
            { new StringContent(version.ToString()), "version" },
        };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }
}
