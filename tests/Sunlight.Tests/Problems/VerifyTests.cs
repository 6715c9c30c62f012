using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;

namespace Sunlight.Tests.Problems;

/// <summary>核账/销账 (Features/Problems/Verify): the bureau only, a rejection needs its reason, the write-off and its audit entry.</summary>
public sealed class VerifyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/verify")]
    public async Task Verify_Unit403_RejectNeedsReason_RejectedOnce_ThenWrittenOff_Audited()
    {
        var p = await app.AwaitingVerificationAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version)), HttpStatusCode.Forbidden);
        var noReason = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/verify", new VerifyInput(false, "", p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal("退回整改时必须填写核查意见", noReason.Error("opinion"));

        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(false, "佐证材料不足，请补充公示截图", p.Version));
        Assert.Equal(ProblemState.Rectifying, p.State);
        Assert.Equal(1, p.RejectionCount);

        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已补充材料", p.Version));
        var opinion = new string('核', ProblemConfiguration.OpinionLength);
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, opinion, p.Version));
        var stored = await app.Stored(p.Id);
        Assert.Equal(ProblemState.WrittenOff, stored.State);
        Assert.Equal(new DateOnly(2026, 11, 25), stored.WrittenOffOn);
        Assert.Equal("supervisor", stored.VerifiedBy);
        Assert.Equal(opinion, stored.VerificationOpinion);
        var (_, before, after) = await app.LastAuditAsync(p.Id, "StateChange");
        Assert.Equal(nameof(ProblemState.AwaitingVerification), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ProblemState.WrittenOff), after.GetProperty("State").GetString());
        Assert.Equal("2026-11-25", after.GetProperty("WrittenOffOn").GetString());

        // The whole history comes from the audit log.
        var detail = await HttpAssert.Ok<ProblemDetailDto>(await supervisor.GetAsync($"/api/v1/problems/{p.Id}"));
        Assert.Contains(detail.Timeline, t => t.Text.Contains("待核账 → 整改中", StringComparison.Ordinal));
        Assert.Contains(detail.Timeline, t => t.Text.Contains("待核账 → 已销账", StringComparison.Ordinal));

        var twice = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, twice.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Verify_OpinionOneOverColumn_Is400_AndNothingChanges()
    {
        var p = await app.AwaitingVerificationAsync("U03");
        using var supervisor = await app.ClientFor("supervisor");
        var bad = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/verify",
            new VerifyInput(true, new string('核', ProblemConfiguration.OpinionLength + 1), p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"核查意见不能超过 {ProblemConfiguration.OpinionLength} 个字", bad.Error("opinion"));
        Assert.Equal(ProblemState.AwaitingVerification, (await app.Stored(p.Id)).State);
    }
}
