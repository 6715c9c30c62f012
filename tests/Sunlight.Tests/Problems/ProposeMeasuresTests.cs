using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.ProposeMeasures;

namespace Sunlight.Tests.Problems;

/// <summary>制定整改措施 (Features/Problems/ProposeMeasures): the deadline rules, limits, R-STATE and the audit entry.</summary>
public sealed class ProposeMeasuresTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/measures")]
    public async Task Measures_OtherUnit404_Bureau403_DefaultDeadline20WorkingDays_Audited()
    {
        var p = await app.RaiseAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var unit04 = await app.ClientFor("unit04");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit04.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("越权", null, p.Version)), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("代办", null, p.Version)), HttpStatusCode.Forbidden);

        var measures = new string('措', ProblemConfiguration.MeasuresLength);
        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput(measures, null, p.Version));
        Assert.Equal(ProblemState.Rectifying, p.State);
        // No deadline given: the default 20 WD from Wed 2026-11-25 is Wed 2026-12-23.
        var stored = await app.Stored(p.Id);
        Assert.Equal(new DateOnly(2026, 12, 23), stored.Deadline);
        Assert.Equal(measures, stored.Measures);
        var (_, before, after) = await app.LastAuditAsync(p.Id, "StateChange");
        Assert.Equal(nameof(ProblemState.Raised), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ProblemState.Rectifying), after.GetProperty("State").GetString());
        Assert.Equal("2026-12-23", after.GetProperty("Deadline").GetString());

        var again = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("再次", null, p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Measures_DeadlineToday_Passes_Yesterday400_TooLong400_NothingChanges()
    {
        var p = await app.RaiseAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        var past = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("措施", new DateOnly(2026, 11, 24), p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal("整改时限不能早于今天", past.Error("deadline"));
        var tooLong = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/measures",
            new ProposeMeasuresInput(new string('措', ProblemConfiguration.MeasuresLength + 1), null, p.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"整改措施不能超过 {ProblemConfiguration.MeasuresLength} 个字", tooLong.Error("measures"));
        Assert.Equal(ProblemState.Raised, (await app.Stored(p.Id)).State);

        p = await ProblemApi.Post(unit03, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("今日完成", new DateOnly(2026, 11, 25), p.Version));
        Assert.Equal(new DateOnly(2026, 11, 25), (await app.Stored(p.Id)).Deadline);
    }
}
