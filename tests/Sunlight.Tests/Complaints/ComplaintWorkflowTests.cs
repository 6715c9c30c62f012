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
        var before = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = receipt.Pin }));
        Assert.Null(before.Reply);
        Assert.Equal("已交办，办理中", before.State);

        // Sent back once, then approved.
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = false, comment = "请写明核查过程" });
        await StepAsync(unit05, $"/api/v1/complaints/{id}/reply", new { text = "经调取执法记录仪视频核查，检查程序合法，已对执法人员加强教育。" });
        var replied = await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        Assert.Equal(ComplaintState.Replied, replied.State);

        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = receipt.Pin }));
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
        Assert.True((await StoredAsync(app, id)).ProblemRaised);
        var history = (await HttpAssert.Ok<ComplaintDetail>(await supervisor.GetAsync($"/api/v1/complaints/{id}"))).Timeline;
        Assert.Contains(history, e => e.Kind == "办结" && e.Text == "核查结论：属实；已列入问题清单");
        var problem = await app.Db(db => db.Set<Problem>().SingleAsync(p => p.SourceType == nameof(Complaint) && p.SourceId == id));
        Assert.Equal(ProblemSource.Complaint, problem.Source);
        Assert.Equal(unit05Id, problem.UnitId);
        Assert.Equal("法律适用", problem.Category);
        Assert.DoesNotContain(SecretName, problem.Description, StringComparison.Ordinal);
        Assert.Contains(await app.Db(db => db.AuditEntries.Where(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()), a => a == "StateChange");
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
}
