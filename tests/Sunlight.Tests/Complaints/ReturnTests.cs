using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>退回 (Features/Complaints/Return): the unit hands the complaint back with a bounded reason; audited.</summary>
public sealed class ReturnTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/return")]
    public async Task Return_ByTheUnit_GoesBackToTheSupervisor_AndTheUnitNoLongerSeesIt()
    {
        var (id, _) = await FiledAndAssignedAsync(app, "unit08");
        using var unit08 = await app.ClientFor("unit08");
        using var unit09 = await app.ClientFor("unit09");
        await HttpAssert.Problem(await unit09.PostJson($"/api/v1/complaints/{id}/return", new { reason = "不归我们管" }), HttpStatusCode.NotFound);
        var empty = await HttpAssert.Problem(await unit08.PostJson($"/api/v1/complaints/{id}/return", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写退回理由", empty.GetProperty("errors").GetProperty("reason")[0].GetString());

        var returned = await StepAsync(unit08, $"/api/v1/complaints/{id}/return", new { reason = "该事项属于县农业农村局职责" });
        Assert.Equal(ComplaintState.Accepted, returned.State);
        Assert.Null(returned.AssignedUnitId);
        await HttpAssert.Problem(await unit08.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
        var stored = await StoredAsync(app, id);
        Assert.Equal(1, stored.ReturnCount);
        Assert.Equal("该事项属于县农业农村局职责", stored.LastReturnReason);
    }


    [Fact]
    public async Task Return_ReasonOfColumnLength_IsAudited_OneOver_Returns400_NotAssigned_Returns409()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var unit = await app.ClientFor("unit05");
        await AssertTooLongAsync(app, unit, id, "return", "reason", [], ComplaintConfiguration.ReasonLength);
        var reason = new string('退', ComplaintConfiguration.ReasonLength);
        await StepAsync(unit, $"/api/v1/complaints/{id}/return", new { reason });
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("StateChange", entry.Action);
        Assert.Equal(nameof(ComplaintState.Assigned), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Accepted), after.GetProperty("State").GetString());
        Assert.Equal(reason, after.GetProperty("LastReturnReason").GetString());

        var drafted = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        await AssertRefusedAsync(app, unit, drafted, "return", new { reason = "答复后不能退回" }, "C-STATE");
    }
}
