using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>不予受理 (Features/Complaints/Reject): the reason is required and bounded, shown to the reporter, audited.</summary>
public sealed class RejectTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/reject")]
    public async Task Reject_ReasonIsShownToTheReporter_AndTheStateIsGuarded()
    {
        var receipt = await FileAsync(app);
        var id = await IdOf(app, receipt.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        var missing = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/reject", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写不予受理的理由", missing.GetProperty("errors").GetProperty("reason")[0].GetString());
        using (var unit = await app.ClientFor("unit05"))
        {
            await HttpAssert.Problem(await unit.PostJson($"/api/v1/complaints/{id}/reject", new { reason = "x" }), HttpStatusCode.Forbidden);
        }
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reject", new { reason = "反映事项属于司法诉讼程序，请依法通过诉讼途径解决。" });
        var conflict = await AssertRefusedAsync(app, supervisor, id, "accept", new { }, "C-STATE");
        Assert.Contains("不予受理", conflict.GetProperty("detail").GetString());

        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = receipt.Pin }));
        Assert.Equal("不予受理", view.State);
        Assert.Equal("反映事项属于司法诉讼程序，请依法通过诉讼途径解决。", view.RejectionReason);
        Assert.Equal(ComplaintState.Rejected, (await StoredAsync(app, id)).State);
    }

    [Fact]
    public async Task Reject_ReasonOfColumnLength_IsStoredAndAudited_OneOver_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertTooLongAsync(app, supervisor, id, "reject", "reason", [], ComplaintConfiguration.ReasonLength);

        var reason = new string('理', ComplaintConfiguration.ReasonLength);
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reject", new { reason });
        Assert.Equal((ComplaintState.Rejected, reason), ((await StoredAsync(app, id)).State, (await StoredAsync(app, id)).RejectionReason));
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("StateChange", entry.Action);
        Assert.Equal(nameof(ComplaintState.Received), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Rejected), after.GetProperty("State").GetString());
        Assert.Equal(reason, after.GetProperty("RejectionReason").GetString());
    }
}
