using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;

namespace Sunlight.Tests.Platform;

/// <summary>对执法单位记录约谈、移送或督办 (Features/Platform/Escalations, RecordEscalation): the reason's column, the unit, the audit entry.</summary>
public sealed class RecordEscalationTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitId(string code) => app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Record_ReasonAtColumnLength_IsStoredAndAudited_OneMoreIs400_AndStoresNothing()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var unit = await UnitId("U15");
        var tooLong = new string('约', EscalationConfiguration.ReasonLength + 1);
        var refused = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Admonition, unit, tooLong)), HttpStatusCode.BadRequest);
        Assert.Equal($"事由不能超过 {EscalationConfiguration.ReasonLength} 个字", refused.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.False(await app.Db(db => db.Set<Escalation>().AnyAsync(e => e.UnitId == unit && e.Kind == EscalationKind.Admonition)));

        var reason = tooLong[1..];
        var created = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Admonition, unit, reason)), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Set<Escalation>().AsNoTracking().SingleAsync(e => e.Id == created.Id));
        Assert.Equal((unit, EscalationKind.Admonition, reason), (stored.UnitId, stored.Kind, stored.Reason));
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Escalation) && a.EntityId == created.Id.ToString() && a.Action == "Create"));
        Assert.Equal("supervisor", entry.Actor);
        Assert.Contains("\"Kind\":\"Admonition\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_UnknownUnit_Is404_AutomaticKind_Is400_NullBody_Is400()
    {
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Referral, 999_999, "不存在的单位")), HttpStatusCode.NotFound);
        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Reminder, await UnitId("U15"), "提醒")), HttpStatusCode.BadRequest);
        Assert.Equal("只能手工记录约谈、移送纪委监委或督办", body.GetProperty("errors").GetProperty("kind")[0].GetString());
        using var empty = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/escalations", empty), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RecordPage_Supervisor_RecordsAndReturnsToTheList_TooLongKeepsTheText_ObserverIsRefused()
    {
        var unit = await UnitId("U16");
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var tooLong = new string('移', EscalationConfiguration.ReasonLength + 1);
        var refused = await supervisor.PostFormAsync("/Escalations/Record", "/Escalations/Record",
            new() { ["Input.Kind"] = "Referral", ["Input.UnitId"] = unit.ToString(), ["Input.Reason"] = tooLong });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"事由不能超过 {EscalationConfiguration.ReasonLength} 个字", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);

        var done = await supervisor.PostFormAsync("/Escalations", "/Escalations/Record",
            new() { ["Input.Kind"] = "Referral", ["Input.UnitId"] = unit.ToString(), ["Input.Reason"] = "页面移送测试" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Escalations", done.Headers.Location!.OriginalString);
        Assert.True(await app.Db(db => db.Set<Escalation>().AnyAsync(e => e.UnitId == unit && e.Reason == "页面移送测试")));

        using var observer = await PageSession.SignInAsync(app, "observer");
        var token = await observer.TokenAsync("/Escalations");
        var intruder = await observer.Client.PostAsync("/Escalations/Record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Referral", ["Input.UnitId"] = unit.ToString(), ["Input.Reason"] = "越权记录", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, intruder.StatusCode);
        Assert.False(await app.Db(db => db.Set<Escalation>().AnyAsync(e => e.Reason == "越权记录")));
    }
}
