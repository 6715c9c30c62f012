using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.Ruling;

namespace Sunlight.Tests.Problems;

/// <summary>异议 (Features/Problems/Dispute) and its ruling (Features/Problems/Ruling).</summary>
public sealed class DisputeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/dispute")]
    [ScopeCovered("POST /api/v1/problems/{id:long}/dispute/ruling")]
    public async Task Dispute_ByUnit_RuledBySupervisor_Audited()
    {
        var p = await app.RaiseAsync("U09");
        using var unit09 = await app.ClientFor("unit09");
        using var unit10 = await app.ClientFor("unit10");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit10.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("不是我们的", p.Version)), HttpStatusCode.NotFound);
        var empty = await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("", p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal("请填写异议理由", empty.Error("reason"));
        var reason = new string('异', ProblemConfiguration.DisputeLength);
        p = await ProblemApi.Post(unit09, $"/api/v1/problems/{p.Id}/dispute", new DisputeInput(reason, p.Version));
        Assert.Equal(ProblemState.Disputed, p.State);
        var (_, before, after) = await app.LastAuditAsync(p.Id, "StateChange");
        Assert.Equal(nameof(ProblemState.Raised), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ProblemState.Disputed), after.GetProperty("State").GetString());
        Assert.Equal(reason, after.GetProperty("DisputeReason").GetString());

        await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(true, "成立", p.Version)), HttpStatusCode.Forbidden);
        // Rejected: back to where it was.
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(false, "经核实属于本单位职责", p.Version));
        Assert.Equal(ProblemState.Raised, p.State);
        p = await ProblemApi.Post(unit09, $"/api/v1/problems/{p.Id}/dispute", new DisputeInput("再次异议", p.Version));
        var ruling = new string('裁', ProblemConfiguration.DisputeLength);
        p = await ProblemApi.Post(supervisor, $"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(true, ruling, p.Version));
        var stored = await app.Stored(p.Id);
        Assert.Equal((ProblemState.Dismissed, ruling), (stored.State, stored.DisputeRuling));
        (_, _, after) = await app.LastAuditAsync(p.Id, "StateChange");
        Assert.Equal(nameof(ProblemState.Dismissed), after.GetProperty("State").GetString());
        var again = await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput("x", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, again.GetProperty("rule").GetString());
        var ruleAgain = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(true, "再裁定", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, ruleAgain.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Dispute_And_Ruling_OneOverColumn_Are400_AndNothingChanges()
    {
        var p = await app.RaiseAsync("U09");
        using var unit09 = await app.ClientFor("unit09");
        using var supervisor = await app.ClientFor("supervisor");
        var tooLong = new string('异', ProblemConfiguration.DisputeLength + 1);
        var bad = await HttpAssert.Problem(await unit09.PostJson($"/api/v1/problems/{p.Id}/dispute", new DisputeInput(tooLong, p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"异议理由不能超过 {ProblemConfiguration.DisputeLength} 个字", bad.Error("reason"));
        Assert.Equal(ProblemState.Raised, (await app.Stored(p.Id)).State);

        p = await ProblemApi.Post(unit09, $"/api/v1/problems/{p.Id}/dispute", new DisputeInput("有异议", p.Version));
        var badRuling = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/dispute/ruling", new RulingInput(false, tooLong, p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"裁定意见不能超过 {ProblemConfiguration.DisputeLength} 个字", badRuling.Error("ruling"));
        Assert.Equal(ProblemState.Disputed, (await app.Stored(p.Id)).State);
    }
}
