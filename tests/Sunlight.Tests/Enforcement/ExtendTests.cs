using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>办案期限延长 (Features/Enforcement/Extend): approved with a reason, P-90DAYS counts it.</summary>
public sealed class ExtendTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<long> OverdueCaseAsync()
    {
        var filed = Today(app).AddDays(-100);
        var officers = (await QualifiedOfficers(app, "unit02", filed)).Take(2);
        var created = await RegisterAsync(await app.ClientFor("unit02"), Penalty($"延〔{filed.Year}〕{Guid.NewGuid():N}"[..30], filed, officers));
        return created.GetProperty("id").GetInt64();
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/extensions")]
    public async Task ApprovedExtension_IsStoredAndAudited_AndResolvesP90Days()
    {
        var id = await OverdueCaseAsync();
        var client = await app.ClientFor("unit02");
        Assert.Contains("P-90DAYS", OpenRules(await HttpAssert.Ok<JsonElement>(await client.GetAsync($"/api/v1/cases/{id}"))));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("supervisor")).PostJson($"/api/v1/cases/{id}/extensions", new { kind = "Extension", days = 30, reason = "案情复杂", approvedOn = Today(app) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("unit05")).PostJson($"/api/v1/cases/{id}/extensions", new { kind = "Extension", days = 30, reason = "案情复杂", approvedOn = Today(app) })).StatusCode);

        var reason = "案情复杂，经局长批准延长三十日" + new string('。', CaseColumns.ReasonLength - 15);
        var detail = await HttpAssert.Ok<JsonElement>(await client.PostJson($"/api/v1/cases/{id}/extensions", new { kind = "Extension", days = 30, reason, approvedOn = Today(app).AddDays(-12) }));
        Assert.DoesNotContain("P-90DAYS", OpenRules(detail));
        var stored = await app.Db(db => db.Set<CaseExtension>().AsNoTracking().SingleAsync(e => e.CaseId == id));
        Assert.Equal((ExtensionKind.Extension, 30, reason, Today(app).AddDays(-12)), (stored.Kind, stored.Days, stored.Reason, stored.ApprovedOn));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(CaseExtension) && e.EntityId == stored.Id.ToString()));
        Assert.Equal("Create", entry.Action);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("Extension", after.RootElement.GetProperty("Kind").GetString());
        Assert.Equal(30, after.RootElement.GetProperty("Days").GetInt32());
    }

    [Fact]
    public async Task BadInput_IsAChinese400_NothingStored()
    {
        var id = await OverdueCaseAsync();
        var client = await app.ClientFor("unit02");
        var tooLong = await HttpAssert.Problem(await client.PostJson($"/api/v1/cases/{id}/extensions",
            new { kind = "Extension", days = 30, reason = new string('理', CaseColumns.ReasonLength + 1), approvedOn = Today(app) }), HttpStatusCode.BadRequest);
        Assert.Contains("理由", tooLong.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        var future = await HttpAssert.Problem(await client.PostJson($"/api/v1/cases/{id}/extensions",
            new { kind = "Extension", days = 30, reason = "案情复杂", approvedOn = Today(app).AddDays(1) }), HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("approvedOn", out _));
        var days = await HttpAssert.Problem(await client.PostJson($"/api/v1/cases/{id}/extensions",
            new { kind = "Extension", days = ExtensionInputMax + 1, reason = "案情复杂", approvedOn = Today(app) }), HttpStatusCode.BadRequest);
        Assert.True(days.GetProperty("errors").TryGetProperty("days", out _));
        Assert.False(await app.Db(db => db.Set<CaseExtension>().AnyAsync(e => e.CaseId == id)));
    }

    [Fact]
    public async Task AfterTheDecision_IsRefused_EOrder()
    {
        var filed = Today(app).AddDays(-40);
        var client = await app.ClientFor("unit02");
        var id = (await RegisterAsync(client, Penalty($"延〔{filed.Year}〕{Guid.NewGuid():N}"[..30], filed, (await QualifiedOfficers(app, "unit02", filed)).Take(2)))).GetProperty("id").GetInt64();
        await MilestoneAsync(client, id, "Notified", Today(app).AddDays(-20));
        await MilestoneAsync(client, id, "Decided", Today(app).AddDays(-5));
        var refused = await HttpAssert.Problem(await client.PostJson($"/api/v1/cases/{id}/extensions",
            new { kind = "Extension", days = 30, reason = "案情复杂", approvedOn = Today(app) }), HttpStatusCode.Conflict);
        Assert.Equal(EnforcementRules.Order, refused.GetProperty("rule").GetString());
        Assert.Contains("作出决定", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private const int ExtensionInputMax = 365;
}
