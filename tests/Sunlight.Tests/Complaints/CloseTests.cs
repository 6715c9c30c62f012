using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>办结 (Features/Complaints/Close): a finding from the list, a bounded note, only after the reply; audited.</summary>
public sealed class CloseTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Close_WithNoteOfColumnLength_StoresTheFinding_AuditedByName_OneOver_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Replied);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertTooLongAsync(app, supervisor, id, "close", "note", new() { ["finding"] = "NotSubstantiated" }, ComplaintConfiguration.ReasonLength);

        var dto = await StepAsync(supervisor, $"/api/v1/complaints/{id}/close", new { finding = "NotSubstantiated", note = new string('结', ComplaintConfiguration.ReasonLength) });
        Assert.Equal(ComplaintState.Closed, dto.State);
        var stored = await StoredAsync(app, id);
        Assert.Equal((ComplaintState.Closed, ComplaintFinding.NotSubstantiated, false), (stored.State, stored.Finding, stored.ProblemRaised));
        var (note, _, noted) = await LastAuditAsync(app, id);
        Assert.Equal("Note", note.Action); // the note has no column: an entry of the same transaction
        Assert.Equal(("办结说明", new string('结', ComplaintConfiguration.ReasonLength)), (noted.GetProperty("Note").GetString(), noted.GetProperty("Text").GetString()));
        var (entry, before, after) = await LastAuditAsync(app, id, "StateChange");
        Assert.Equal(note.OccurredAt, entry.OccurredAt);
        Assert.Equal(nameof(ComplaintState.Replied), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.Closed), after.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintFinding.NotSubstantiated), after.GetProperty("Finding").GetString());
    }

    [Fact]
    public async Task Close_BeforeTheReply_Returns409_CState_UnknownFinding_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        using var supervisor = await app.ClientFor("supervisor");
        await AssertRefusedAsync(app, supervisor, id, "close", new { finding = "Substantiated" }, "C-STATE");
        // Enums are read by name only: a number or an unknown name is a malformed body.
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/close", new { finding = 9 }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/close", new { finding = "Bogus" }), HttpStatusCode.BadRequest);
        Assert.Equal(ComplaintState.ReplyDrafted, (await StoredAsync(app, id)).State);
    }
}
