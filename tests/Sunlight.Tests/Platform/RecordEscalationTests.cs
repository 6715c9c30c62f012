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
}
