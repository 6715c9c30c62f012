using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

public sealed class ComplaintWorkflowTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/accept")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/assign")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/reply")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/reply/review")]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/close")]
    [ScopeCovered("POST /api/v1/public/complaints/{trackingCode}/rating")]
    public async Task FullLifecycle_AcceptAssignReplyApproveRateReopenClose()
    {
        var receipt = await FileAsync(app);
        var id = await IdOf(app, receipt.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        using var unit05 = await app.ClientFor("unit05");
        using var unit06 = await app.ClientFor("unit06");
        var unit05Id = await UnitId(app, "unit05");

        // Units do not see it before 交办; UnitStaff cannot accept.
        await HttpAssert.Problem(await unit05.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit05.PostJson($"/api/v1/complaints/{id}/accept", new { }), HttpStatusCode.Forbidden);

        var accepted = await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        Assert.Equal(ComplaintState.Accepted, accepted.State);
        var assigned = await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = unit05Id, note = "请核实", version = accepted.Version });
        Assert.Equal(ComplaintState.Assigned, assigned.State);
        Assert.Equal(new DateOnly(2026, 12, 25), assigned.ResolveDueDate); // 30 natural days, a Friday
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Title == $"投诉交办：{receipt.TrackingCode}")));

        // Another unit: not found for reads and steps alike; the Inspector may read but not act.
        await HttpAssert.Problem(await unit06.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit06.PostJson($"/api/v1/complaints/{id}/reply", new { text = "越权答复" }), HttpStatusCode.NotFound);
        using (var inspector = await app.ClientFor("inspector"))
        {
            await HttpAssert.Problem(await inspector.PostJson($"/api/v1/complaints/{id}/reply/review", new { approve = true }), HttpStatusCode.Forbidden);
        }

        var drafted = await StepAsync(unit05, $"/api/v1/complaints/{id}/reply", new { text = "经核查，执法人员检查程序合法，已加强教育。" });
        Assert.Equal(ComplaintState.ReplyDrafted, drafted.State);
        Assert.Null(drafted.Reply);
        // Not yet visible to the reporter.
        using var anonymous = app.CreateClient();
        var before = await HttpAssert.Ok<PublicComplaintView>(await anonymous.GetAsync($"/api/v1/public/complaints/{receipt.TrackingCode}?pin={receipt.Pin}"));
        Assert.Null(before.Reply);
        Assert.Equal("已交办，办理中", before.State);

        // Sent back once, then approved.
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = false, comment = "请写明核查过程" });
        await StepAsync(unit05, $"/api/v1/complaints/{id}/reply", new { text = "经调取执法记录仪视频核查，检查程序合法，已对执法人员加强教育。" });
        var replied = await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        Assert.Equal(ComplaintState.Replied, replied.State);

        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.GetAsync($"/api/v1/public/complaints/{receipt.TrackingCode}?pin={receipt.Pin}"));
        Assert.Equal("经调取执法记录仪视频核查，检查程序合法，已对执法人员加强教育。", view.Reply);
        Assert.True(view.CanRate);

        // Unsatisfied: reopened once for 回访 re-handling.
        await HttpAssert.Problem(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/rating", new { pin = "12345678", satisfied = false }), HttpStatusCode.NotFound);
        var rated = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/rating", new { pin = receipt.Pin, satisfied = false, comment = "没有解决问题" }));
        Assert.Equal("已交办，办理中", rated.State);
        var reopened = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.Id == id));
        Assert.True(reopened.Reopened);
        Assert.Equal(ComplaintState.Assigned, reopened.State);

        await StepAsync(unit05, $"/api/v1/complaints/{id}/reply", new { text = "已重新核查并退还多收款项。" });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        // A second unsatisfied rating is recorded but does not reopen again.
        var second = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/rating", new { pin = receipt.Pin, satisfied = false }));
        Assert.Equal("已答复", second.State);
        var again = await HttpAssert.Problem(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/rating", new { pin = receipt.Pin, satisfied = true }), HttpStatusCode.Conflict);
        Assert.Equal("C-RATED", again.GetProperty("rule").GetString());

        await HttpAssert.Problem(await unit05.PostJson($"/api/v1/complaints/{id}/close", new { finding = "Substantiated" }), HttpStatusCode.Forbidden);
        var closed = await StepAsync(supervisor, $"/api/v1/complaints/{id}/close", new { finding = "Substantiated" });
        Assert.Equal(ComplaintState.Closed, closed.State);
        var stored = await app.Db(db => db.Set<Complaint>().Include(c => c.Events).SingleAsync(c => c.Id == id));
        Assert.True(stored.ProblemRaised);
        Assert.Contains(stored.Events, e => e.Kind == "列入问题清单");
        var problem = await app.Db(db => db.Set<Problem>().SingleAsync(p => p.SourceType == nameof(Complaint) && p.SourceId == id));
        Assert.Equal(ProblemSource.Complaint, problem.Source);
        Assert.Equal(unit05Id, problem.UnitId);
        Assert.Equal("法律适用", problem.Category);
        Assert.DoesNotContain(SecretName, problem.Description, StringComparison.Ordinal);
        Assert.Contains(await app.Db(db => db.AuditEntries.Where(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()), a => a == "StateChange");
    }

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
        var conflict = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/accept", new { }), HttpStatusCode.Conflict);
        Assert.Equal("C-STATE", conflict.GetProperty("rule").GetString());
        Assert.Contains("不予受理", conflict.GetProperty("detail").GetString());

        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.GetAsync($"/api/v1/public/complaints/{receipt.TrackingCode}?pin={receipt.Pin}"));
        Assert.Equal("不予受理", view.State);
        Assert.Equal("反映事项属于司法诉讼程序，请依法通过诉讼途径解决。", view.RejectionReason);
        Assert.Equal(ComplaintState.Rejected, await app.Db(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task StaleVersion_Returns409_AndChangesNothing()
    {
        var receipt = await FileAsync(app);
        var id = await IdOf(app, receipt.TrackingCode);
        var version = await app.Db(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { version });
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, "unit05"), version }), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", body.GetProperty("rule").GetString());
        Assert.Equal(ComplaintState.Accepted, await app.Db(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

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
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.GetAsync($"/api/v1/public/complaints/{second.TrackingCode}?pin={second.Pin}"));
        Assert.StartsWith("已与同类投诉合并办理", view.State);
    }

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
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.Id == id));
        Assert.Equal(1, stored.ReturnCount);
        Assert.Equal("该事项属于县农业农村局职责", stored.LastReturnReason);
    }

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
        Assert.Equal(ExtensionState.Approved, approved.Extension);
        Assert.Equal(new DateOnly(2027, 1, 25), approved.ResolveDueDate); // 2026-12-25 + 30 days (Sunday) → Monday
        var once = await HttpAssert.Problem(await unit10.PostJson($"/api/v1/complaints/{id}/extension", new { reason = "再延一次" }), HttpStatusCode.Conflict);
        Assert.Equal("C-EXTEND-ONCE", once.GetProperty("rule").GetString());
        Assert.Equal(new DateOnly(2027, 1, 25), await app.Db(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.ResolveDueDate).SingleAsync()));
    }
}
