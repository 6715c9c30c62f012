using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>审核答复 (Features/Complaints/ApproveReply): approve or send back with a bounded comment; audited.</summary>
public sealed class ApproveReplyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task SendBack_CommentOfColumnLength_IsStoredAndAudited_OneOver_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertTooLongAsync(app, supervisor, id, "reply/review", "comment", new() { ["approve"] = false }, ComplaintConfiguration.ReasonLength);

        var comment = new string('改', ComplaintConfiguration.ReasonLength);
        var dto = await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = false, comment });
        Assert.Equal(ComplaintState.Assigned, dto.State);
        Assert.Equal(comment, (await StoredAsync(app, id)).ReviewComment);
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("StateChange", entry.Action);
        Assert.Equal(nameof(ComplaintState.ReplyDrafted), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Assigned), after.GetProperty("State").GetString());
        Assert.Equal(comment, after.GetProperty("ReviewComment").GetString());
    }

    [Fact]
    public async Task Approve_MakesTheReplyPublic_AndIsAudited_AgainReturns409_CState()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        var stored = await StoredAsync(app, id);
        Assert.Equal((ComplaintState.Replied, "经核查，已责令改正。"), (stored.State, stored.Reply));
        var (_, _, after) = await LastAuditAsync(app, id);
        Assert.Equal(nameof(ComplaintState.Replied), after.GetProperty("State").GetString());
        Assert.Equal("经核查，已责令改正。", after.GetProperty("Reply").GetString());
        await AssertRefusedAsync(app, supervisor, id, "reply/review", new { approve = true }, "C-STATE");
    }

    [Fact]
    public async Task ApprovePage_FromTheComplaintPage_Approves_UnitStaff_IsRefused()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        using var unit = await PageSession.SignInAsync(app, "unit05");
        Assert.NotEqual(HttpStatusCode.OK, (await unit.Client.GetAsync($"/Complaints/ApproveReply/{id}")).StatusCode);
        using var page = await PageSession.SignInAsync(app, "supervisor");
        var done = await page.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/ApproveReply/{id}", new() { ["Input.Approve"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ComplaintState.Replied, (await StoredAsync(app, id)).State);
    }
}
