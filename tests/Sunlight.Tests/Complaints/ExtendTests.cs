using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>申请延期 / 审批延期 (Features/Complaints/Extend): once only, a bounded reason, the deadline moved, audited.</summary>
public sealed class ExtendTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/extension")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/extension/decision")]
    public async Task Extension_OnceWithApproval_MovesTheDeadlineBy30Days()
    {
        var (id, _) = await FiledAndAssignedAsync(app, "unit10");
        using var unit10 = await app.ClientFor("unit10");
        using var unit11 = await app.ClientFor("unit11");
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await unit11.PostJson($"/api/v1/complaints/{id}/extension", new { reason = "越权" }), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/extension", new { reason = "监督人员不能申请" }), HttpStatusCode.Forbidden);
        var requested = await StepAsync(unit10, $"/api/v1/complaints/{id}/extension", new { reason = "需要委托检测，检测周期较长" });
        Assert.Equal(ExtensionState.Requested, requested.Extension);
        await HttpAssert.Problem(await unit10.PostJson($"/api/v1/complaints/{id}/extension/decision", new { approve = true }), HttpStatusCode.Forbidden);

        var approved = await StepAsync(supervisor, $"/api/v1/complaints/{id}/extension/decision", new { approve = true });
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("Update", entry.Action);
        Assert.Equal(nameof(ExtensionState.Requested), before.GetProperty("Extension").GetString());
        Assert.Equal(nameof(ExtensionState.Approved), after.GetProperty("Extension").GetString());
        Assert.Equal("2027-01-25", after.GetProperty("ResolveDueDate").GetString());
        Assert.Equal(ExtensionState.Approved, approved.Extension);
        Assert.Equal(new DateOnly(2027, 1, 25), approved.ResolveDueDate); // 2026-12-25 + 30 days (Sunday) → Monday
        var once = await HttpAssert.Problem(await unit10.PostJson($"/api/v1/complaints/{id}/extension", new { reason = "再延一次" }), HttpStatusCode.Conflict);
        Assert.Equal("C-EXTEND-ONCE", once.GetProperty("rule").GetString());
        Assert.Equal(new DateOnly(2027, 1, 25), (await StoredAsync(app, id)).ResolveDueDate);
    }

    [Fact]
    public async Task RequestExtension_ReasonOfColumnLength_IsAudited_OneOver_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var unit = await app.ClientFor("unit05");
        await AssertTooLongAsync(app, unit, id, "extension", "reason", [], ComplaintConfiguration.ReasonLength);
        var reason = new string('延', ComplaintConfiguration.ReasonLength);
        await StepAsync(unit, $"/api/v1/complaints/{id}/extension", new { reason });
        var (entry, _, after) = await LastAuditAsync(app, id);
        Assert.Equal("Update", entry.Action);
        Assert.Equal(nameof(ExtensionState.Requested), after.GetProperty("Extension").GetString());
        Assert.Equal(reason, after.GetProperty("ExtensionReason").GetString());
    }

    [Fact]
    public async Task DecideExtension_WithoutARequest_Returns409_CState_Refused_KeepsTheDeadline()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertRefusedAsync(app, supervisor, id, "extension/decision", new { approve = true }, "C-STATE");
        var due = (await StoredAsync(app, id)).ResolveDueDate;
        using var unit = await app.ClientFor("unit05");
        await StepAsync(unit, $"/api/v1/complaints/{id}/extension", new { reason = "需要检测" });
        var refused = await StepAsync(supervisor, $"/api/v1/complaints/{id}/extension/decision", new { approve = false });
        Assert.Equal((ExtensionState.Denied, due), (refused.Extension, refused.ResolveDueDate));
    }
}
