using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Submit;

namespace Sunlight.Tests.Problems;

/// <summary>提交核账 (Features/Problems/Submit): R-STATE before a plan, a stale version, limits and the audit entry.</summary>
public sealed class SubmitTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/submit")]
    public async Task Submit_BeforePlan409_Stale409_OtherUnit404_ThenAwaitingVerification_Audited()
    {
        var raised = await app.RaiseAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var unit04 = await app.ClientFor("unit04");
        var early = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{raised.Id}/submit", new SubmitInput("完成", raised.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, early.GetProperty("rule").GetString());

        var p = await app.RectifyingAsync("U03");
        var stale = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/submit", new SubmitInput("完成", Guid.NewGuid())), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());
        await HttpAssert.Problem(await unit04.PostJson($"/api/v1/problems/{p.Id}/submit", new SubmitInput("越权", p.Version)), HttpStatusCode.NotFound);

        var completion = new string('完', ProblemConfiguration.CompletionLength);
        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/submit", new SubmitInput(completion, p.Version));
        Assert.Equal(ProblemState.AwaitingVerification, (await app.Stored(p.Id)).State);
        var (_, before, after) = await app.LastAuditAsync(p.Id, "StateChange");
        Assert.Equal(nameof(ProblemState.Rectifying), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ProblemState.AwaitingVerification), after.GetProperty("State").GetString());
        Assert.Equal(completion, after.GetProperty("Completion").GetString());
    }

    [Fact]
    public async Task Submit_CompletionOneOverColumn_Is400_AndNothingChanges()
    {
        var p = await app.RectifyingAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        var bad = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/submit",
            new SubmitInput(new string('完', ProblemConfiguration.CompletionLength + 1), p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"完成情况不能超过 {ProblemConfiguration.CompletionLength} 个字", bad.Error("completion"));
        Assert.Equal(ProblemState.Rectifying, (await app.Stored(p.Id)).State);
    }
}
