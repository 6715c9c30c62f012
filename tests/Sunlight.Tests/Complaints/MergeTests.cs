using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>合并 (Features/Complaints/Merge): duplicates suggested at acceptance, the merge rule, the audit entry.</summary>
public sealed class MergeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/merge")]
    [ScopeCovered("GET /api/v1/complaints/{id:long}")]
    public async Task DuplicateSuggestion_AtAcceptance_ThenMerge_ReporterFollowsTheTarget()
    {
        var unitId = await UnitId(app, "unit07");
        var first = await FileAsync(app, Submission(description: "县市场监管局执法人员到我店连续三次检查，每次都开罚单，明显是为了罚款。", unitId: unitId));
        var second = await FileAsync(app, Submission(description: "县市场监管局执法人员到我店连续检查，每次都开罚单，就是为了罚款。", unitId: unitId));
        var firstId = await IdOf(app, first.TrackingCode);
        var secondId = await IdOf(app, second.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");

        var detail = await HttpAssert.Ok<ComplaintDetail>(await supervisor.GetAsync($"/api/v1/complaints/{secondId}"));
        var suggestion = Assert.Single(detail.Duplicates, d => d.Id == firstId);
        Assert.Contains("同一被投诉单位", suggestion.Why);
        Assert.Contains(detail.SuggestedUnits, u => u.UnitId == unitId && u.Why == "被投诉单位");

        using (var unit = await app.ClientFor("unit07"))
        {
            await HttpAssert.Problem(await unit.PostJson($"/api/v1/complaints/{secondId}/merge", new { targetId = firstId }), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await unit.GetAsync($"/api/v1/complaints/{secondId}"), HttpStatusCode.NotFound);
        }
        var merged = await StepAsync(supervisor, $"/api/v1/complaints/{secondId}/merge", new { targetId = firstId });
        Assert.Equal(ComplaintState.Merged, merged.State);
        Assert.Equal(firstId, merged.MergedIntoId);
        var self = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{firstId}/merge", new { targetId = firstId }), HttpStatusCode.Conflict);
        Assert.Equal("C-MERGE", self.GetProperty("rule").GetString());

        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{second.TrackingCode}/status", new { pin = second.Pin }));
        Assert.StartsWith("已与同类投诉合并办理", view.State);
    }


    [Fact]
    public async Task Merge_IntoAMissingComplaint_Returns409_CMerge_IntoNothing_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertRefusedAsync(app, supervisor, id, "merge", new { targetId = long.MaxValue }, "C-MERGE");
        var problem = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/merge", new { targetId = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal("请选择合并到的投诉", problem.GetProperty("errors").GetProperty("targetId")[0].GetString());
        Assert.Equal(ComplaintState.Received, (await StoredAsync(app, id)).State);
    }

    [Fact]
    public async Task Merge_AfterAssignment_Returns409_CState_ThenAMerge_IsAudited()
    {
        var target = await ComplaintAtAsync(app, ComplaintState.Received);
        var assigned = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertRefusedAsync(app, supervisor, assigned, "merge", new { targetId = target }, "C-STATE");

        var id = await ComplaintAtAsync(app, ComplaintState.Accepted);
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/merge", new { targetId = target });
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("StateChange", entry.Action);
        Assert.Equal(nameof(ComplaintState.Accepted), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Merged), after.GetProperty("State").GetString());
        Assert.Equal(target, after.GetProperty("MergedIntoId").GetInt64());
    }
}
