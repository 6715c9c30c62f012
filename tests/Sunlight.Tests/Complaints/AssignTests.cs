using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>交办 (Features/Complaints/Assign): input limits, its rules at their boundaries, and its audit entry.</summary>
public sealed class AssignTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<long> AcceptedAsync()
    {
        var id = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        return id;
    }

    private Task<Complaint> StoredAsync(long id) => app.Db(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Assign_WithNoteOfColumnLength_StoresAssignment_AndAuditsBeforeAndAfter()
    {
        var id = await AcceptedAsync();
        var unit05 = await UnitId(app, "unit05");
        var note = new string('核', ComplaintConfiguration.ReasonLength);
        var due = ChinaTime.Today(app.Clock).AddDays(1);
        using var supervisor = await app.ClientFor("supervisor");

        var dto = await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = unit05, dueDate = due, note });

        Assert.Equal(ComplaintState.Assigned, dto.State);
        var stored = await StoredAsync(id);
        Assert.Equal(ComplaintState.Assigned, stored.State);
        Assert.Equal(unit05, stored.AssignedUnitId);
        Assert.Equal(note, stored.AssignmentNote);
        Assert.Equal(due, stored.ResolveDueDate);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(Complaint) && e.EntityId == id.ToString() && e.Action == "StateChange")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("supervisor", entry.Actor);
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(nameof(ComplaintState.Accepted), before.RootElement.GetProperty("State").ToString());
        Assert.Equal(nameof(ComplaintState.Assigned), after.RootElement.GetProperty("State").ToString());
        Assert.Equal(unit05, after.RootElement.GetProperty("AssignedUnitId").GetInt64());
        Assert.Equal(note, after.RootElement.GetProperty("AssignmentNote").GetString());
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("AssignedUnitId").ValueKind);
    }

    [Fact]
    public async Task Assign_NoteOneOverColumnLength_Returns400_AndChangesNothing()
    {
        var id = await AcceptedAsync();
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/assign",
            new { unitId = await UnitId(app, "unit05"), note = new string('核', ComplaintConfiguration.ReasonLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(id)).State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Assign_DueDateNotAfterToday_Returns400(int daysFromToday)
    {
        var id = await AcceptedAsync();
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/assign",
            new { unitId = await UnitId(app, "unit05"), dueDate = ChinaTime.Today(app.Clock).AddDays(daysFromToday) }), HttpStatusCode.BadRequest);
        Assert.Equal("办理期限必须晚于今天", body.GetProperty("errors").GetProperty("dueDate")[0].GetString());
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(id)).State);
    }

    [Fact]
    public async Task Assign_ToInactiveUnit_Returns409_CUnit()
    {
        var id = await AcceptedAsync();
        var inactive = await app.Db(async db =>
        {
            var unit = await db.Units.FirstAsync(u => u.Kind == UnitKind.Enforcement && u.Code.EndsWith("22"));
            unit.IsActive = false;
            await db.SaveChangesAsync();
            return unit.Id;
        });
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/assign", new { unitId = inactive }), HttpStatusCode.Conflict);
        Assert.Equal("C-UNIT", body.GetProperty("rule").GetString());
        Assert.Null((await StoredAsync(id)).AssignedUnitId);
    }

    [Fact]
    public async Task Assign_BeforeAcceptance_Returns409_CState()
    {
        var id = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, "unit05") }), HttpStatusCode.Conflict);
        Assert.Equal("C-STATE", body.GetProperty("rule").GetString());
        Assert.Equal(ComplaintState.Received, (await StoredAsync(id)).State);
    }

    [Fact]
    public async Task Assign_WithoutBody_Returns400InChinese()
    {
        var id = await AcceptedAsync();
        using var supervisor = await app.ClientFor("supervisor");
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync($"/api/v1/complaints/{id}/assign", empty), HttpStatusCode.BadRequest);
        using var malformed = new StringContent("{\"unitId\":", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync($"/api/v1/complaints/{id}/assign", malformed), HttpStatusCode.BadRequest);
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(id)).State);
    }

    [Fact]
    public async Task AssignPage_NoteTooLong_ShowsChineseMessage_KeepsTypedText_ThenAssigns()
    {
        var id = await AcceptedAsync();
        var unit05 = (await UnitId(app, "unit05")).ToString();
        using var page = await PageSession.SignInAsync(app, "supervisor");
        var tooLong = new string('核', ComplaintConfiguration.ReasonLength + 1);

        var refused = await page.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/Assign/{id}",
            new() { ["Input.UnitId"] = unit05, ["Input.Note"] = tooLong });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("交办意见不能超过 1000 个字", html);
        Assert.Contains(tooLong, html);
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(id)).State);

        var done = await page.PostFormAsync($"/Complaints/Assign/{id}", $"/Complaints/Assign/{id}",
            new() { ["Input.UnitId"] = unit05, ["Input.Note"] = "请核实" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/Complaints/Detail/{id}", done.Headers.Location?.OriginalString);
        var stored = await StoredAsync(id);
        Assert.Equal((ComplaintState.Assigned, "请核实"), (stored.State, stored.AssignmentNote));
    }

    [Fact]
    public async Task AssignPage_AsUnitStaff_IsRefused()
    {
        var id = await AcceptedAsync();
        using var page = await PageSession.SignInAsync(app, "unit05");
        var response = await page.Client.GetAsync($"/Complaints/Assign/{id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ComplaintState.Accepted, (await StoredAsync(id)).State);
    }
}
