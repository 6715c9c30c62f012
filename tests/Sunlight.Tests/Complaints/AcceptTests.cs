using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>受理 (Features/Complaints/Accept): the note's limit, the state rule, the audit entry and the page.</summary>
public sealed class AcceptTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Accept_WithNoteOfColumnLength_StoresTheState_AndAuditsBeforeAndAfter()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var supervisor = await app.ClientFor("supervisor");

        var dto = await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { note = new string('受', ComplaintConfiguration.ReasonLength) });

        Assert.Equal(ComplaintState.Accepted, dto.State);
        var stored = await StoredAsync(app, id);
        Assert.Equal(ComplaintState.Accepted, stored.State);
        Assert.NotNull(stored.AcceptedAt);
        var (note, _, noted) = await LastAuditAsync(app, id);
        Assert.Equal("Note", note.Action); // the note has no column: an entry of the same transaction
        Assert.Equal(("受理意见", new string('受', ComplaintConfiguration.ReasonLength)), (noted.GetProperty("Note").GetString(), noted.GetProperty("Text").GetString()));
        var (entry, before, after) = await LastAuditAsync(app, id, "StateChange");
        Assert.Equal(note.OccurredAt, entry.OccurredAt);
        Assert.Equal(nameof(ComplaintState.Received), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Accepted), after.GetProperty("State").GetString());
    }

    [Fact]
    public async Task Accept_NoteOneOverColumnLength_Returns400_AndChangesNothing()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertTooLongAsync(app, supervisor, id, "accept", "note", [], ComplaintConfiguration.ReasonLength);
        Assert.Equal(ComplaintState.Received, (await StoredAsync(app, id)).State);
    }

    [Fact]
    public async Task Accept_Twice_Returns409_CState()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Accepted);
        using var supervisor = await app.ClientFor("supervisor");
        var problem = await AssertRefusedAsync(app, supervisor, id, "accept", new { }, "C-STATE");
        Assert.Contains("只有待受理的投诉才能受理", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Accept_WithoutBody_Returns400_AsUnitStaff_Returns403()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var supervisor = await app.ClientFor("supervisor");
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync($"/api/v1/complaints/{id}/accept", empty), HttpStatusCode.BadRequest);
        using var unit = await app.ClientFor("unit05");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/complaints/{id}/accept", new { }), HttpStatusCode.Forbidden);
        Assert.Equal(ComplaintState.Received, (await StoredAsync(app, id)).State);
    }

    [Fact]
    public async Task AcceptPage_FromTheComplaintPage_NoteTooLong_ShowsChineseMessage_ThenAccepts()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Received);
        using var page = await PageSession.SignInAsync(app, "supervisor");
        var tooLong = new string('受', ComplaintConfiguration.ReasonLength + 1);

        var refused = await page.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/Accept/{id}", new() { ["Input.Note"] = tooLong });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("受理意见不能超过 1000 个字", html);
        Assert.Contains(tooLong, html);
        Assert.Equal(ComplaintState.Received, (await StoredAsync(app, id)).State);

        var done = await page.PostFormAsync($"/Complaints/Accept/{id}", $"/Complaints/Accept/{id}", new() { ["Input.Note"] = "属于受理范围" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Complaints/Detail/{id}", done.Headers.Location?.OriginalString);
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(app, id)).State);
    }
}
