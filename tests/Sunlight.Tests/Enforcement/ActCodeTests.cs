using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.ActCode;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>行政行为码 (Features/Enforcement/ActCode): the QR, the public page per audience, each hidden field with its legal reason.</summary>
public sealed class ActCodeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/acts/{code}")]
    [ScopeCovered("GET /api/v1/acts/{code}/qr.png")]
    public async Task Public_BeforePublication_SeesUnitKindStage_EverythingElseHiddenWithReason()
    {
        var (_, code, _) = await DecidedCaseAsync("Enterprise", publish: false);
        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/acts/{code}"));
        Assert.Equal("Public", view.GetProperty("audience").GetString());
        Assert.Equal("行政处罚", view.GetProperty("kindText").GetString());
        Assert.Equal("决定", view.GetProperty("stageText").GetString());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("unitName").GetString()));
        foreach (var key in new[] { "number", "party", "fine", "decided" })
        {
            Assert.Equal(ActCodeLookup.NotPublished, Field(view, key).GetProperty("hiddenReason").GetString());
            Assert.Equal(JsonValueKind.Null, Field(view, key).GetProperty("value").ValueKind);
        }
        Assert.Equal(ActCodeLookup.ProcessForParty, Field(view, "steps").GetProperty("hiddenReason").GetString());
        Assert.Equal(ActCodeLookup.Internal, Field(view, "review").GetProperty("hiddenReason").GetString());

        var qr = await anonymous.GetAsync($"/api/v1/acts/{code}/qr.png");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await qr.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/acts/00000000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/acts/00000000000000000000/qr.png")).StatusCode);
    }

    [Fact]
    public async Task Public_AfterPublication_SeesTheDecision_ButNotAPersonsName_NorTheProcess()
    {
        var (_, enterpriseCode, _) = await DecidedCaseAsync("Enterprise", publish: true);
        var (_, personCode, _) = await DecidedCaseAsync("Person", publish: true);
        using var anonymous = app.CreateClient();

        var view = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/acts/{enterpriseCode}"));
        Assert.Equal("青禾县演示有限公司", Field(view, "party").GetProperty("value").GetString());
        Assert.Equal("5000.00", Field(view, "fine").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, Field(view, "number").GetProperty("hiddenReason").ValueKind);
        Assert.Equal(ActCodeLookup.ProcessForParty, Field(view, "officers").GetProperty("hiddenReason").GetString());

        var person = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/acts/{personCode}"));
        Assert.Equal(ActCodeLookup.PersonalInformation, Field(person, "party").GetProperty("hiddenReason").GetString());
        Assert.Equal(JsonValueKind.Null, Field(person, "party").GetProperty("value").ValueKind);
        Assert.Equal("5000.00", Field(person, "fine").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Public_AfterWithdrawal_SeesTheWithdrawalAsTheReason()
    {
        var (id, code, _) = await DecidedCaseAsync("Enterprise", publish: true);
        var today = Today(app);
        var client = await app.ClientFor("unit02");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Withdraw", on = today, reason = "决定已被复议撤销" })).StatusCode);
        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<JsonElement>(await anonymous.GetAsync($"/api/v1/acts/{code}"));
        Assert.Equal(ActCodeLookup.Withdrawn(today, "决定已被复议撤销"), Field(view, "party").GetProperty("hiddenReason").GetString());
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/party-pin")]
    [ScopeCovered("POST /api/v1/acts/{code}/party")]
    public async Task Party_WithItsPin_SeesStepsAndOfficers_WrongPinIsNotFound_PinIssuedByTheUnitOnly()
    {
        var (id, code, officers) = await DecidedCaseAsync("Person", publish: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("supervisor")).PostAsync($"/api/v1/cases/{id}/party-pin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("unit05")).PostAsync($"/api/v1/cases/{id}/party-pin", null)).StatusCode);
        var issued = await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("unit02")).PostAsync($"/api/v1/cases/{id}/party-pin", null));
        var pin = issued.GetProperty("pin").GetString()!;
        var stored = await app.Db(db => db.EnforcementCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(stored.PartyPinHash);
        Assert.DoesNotContain(pin.Replace("-", ""), stored.PartyPinHash, StringComparison.Ordinal);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType == nameof(EnforcementCase) && e.EntityId == id.ToString() && e.Action == "Update")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.DoesNotContain(stored.PartyPinHash!, entry.After ?? "", StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostJson($"/api/v1/acts/{code}/party", new { pin = "AAAA-BBBB-CCCC" })).StatusCode);
        var view = await HttpAssert.Ok<JsonElement>(await anonymous.PostJson($"/api/v1/acts/{code}/party", new { pin }));
        Assert.Equal("Party", view.GetProperty("audience").GetString());
        Assert.Equal("青禾县演示有限公司", Field(view, "party").GetProperty("value").GetString());
        Assert.Contains("立案", Field(view, "steps").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("执法证号", Field(view, "officers").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(officers, Field(view, "officers").GetProperty("value").GetString()!.Split('；').Length);
        // Internal opinions stay hidden from the party too, with their reason.
        Assert.Equal(ActCodeLookup.Internal, Field(view, "review").GetProperty("hiddenReason").GetString());

        // A new PIN replaces the old one.
        await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("unit02")).PostAsync($"/api/v1/cases/{id}/party-pin", null));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostJson($"/api/v1/acts/{code}/party", new { pin })).StatusCode);
    }

    [Fact]
    public async Task Party_AsItsEnterpriseAccount_SeesThePartyView_AnotherEnterpriseThePublicOne()
    {
        var uscc = await app.Db(db => db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc).SingleAsync());
        var (_, code, _) = await DecidedCaseAsync("Enterprise", publish: false, uscc);
        var mine = await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("enterprise")).GetAsync($"/api/v1/acts/{code}"));
        Assert.Equal("Party", mine.GetProperty("audience").GetString());
        Assert.Equal(JsonValueKind.Null, Field(mine, "number").GetProperty("hiddenReason").ValueKind);

        var (_, other, _) = await DecidedCaseAsync("Enterprise", publish: false);
        var theirs = await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("enterprise")).GetAsync($"/api/v1/acts/{other}"));
        Assert.Equal("Public", theirs.GetProperty("audience").GetString());
    }

    [Fact]
    public async Task Page_ShowsThePublicView_ThenThePartyViewAfterThePin()
    {
        var (id, code, _) = await DecidedCaseAsync("Enterprise", publish: false);
        var pin = (await HttpAssert.Ok<JsonElement>(await (await app.ClientFor("unit02")).PostAsync($"/api/v1/cases/{id}/party-pin", null))).GetProperty("pin").GetString()!;
        using var visitor = PageSession.Anonymous(app);
        var html = await visitor.GetHtmlAsync($"/Public/Acts/{code}");
        Assert.Contains("公众视图", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(ActCodeLookup.NotPublished), html, StringComparison.Ordinal);

        var wrong = await visitor.PostFormAsync($"/Public/Acts/{code}", $"/Public/Acts/{code}", new() { ["Pin"] = "AAAA-BBBB-CCCC" });
        Assert.Contains("查询密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await visitor.PostFormAsync($"/Public/Acts/{code}", $"/Public/Acts/{code}", new() { ["Pin"] = pin });
        var party = await right.Content.ReadAsStringAsync();
        Assert.Contains("当事人视图", party, StringComparison.Ordinal);
        Assert.Contains("青禾县演示有限公司", party, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync("/Public/Acts/00000000000000000000")).StatusCode);
    }

    private static JsonElement Field(JsonElement view, string key) =>
        view.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    /// <summary>A penalty of unit02 with 告知 and 决定 recorded (published when asked): its id, act code and officer count.</summary>
    private async Task<(long Id, string Code, int Officers)> DecidedCaseAsync(string partyKind, bool publish, string? uscc = null)
    {
        var today = Today(app);
        var filed = today.AddDays(-30);
        var officers = (await QualifiedOfficers(app, "unit02", filed)).Take(2).ToList();
        var client = await app.ClientFor("unit02");
        var created = await RegisterAsync(client, new
        {
            kind = "Penalty", number = $"码〔{filed.Year}〕{Guid.NewGuid():N}"[..30], title = "某案", filedOn = filed, partyKind, partyName = "青禾县演示有限公司",
            partyUscc = partyKind == "Enterprise" ? uscc ?? "91350100M000100Y43" : null, itemName = "未按规定公示信息", legalBasis = "《企业信息公示暂行条例》第十八条",
            fineAmount = 5000m, violationOn = filed.AddDays(-30), officerIds = officers.ToArray(),
        });
        var id = created.GetProperty("id").GetInt64();
        await MilestoneAsync(client, id, "Notified", today.AddDays(-20));
        await MilestoneAsync(client, id, "Decided", today.AddDays(-5));
        if (publish)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJson($"/api/v1/cases/{id}/disclosure", new { action = "Publish", on = today.AddDays(-3) })).StatusCode);
        }
        var code = await app.Db(db => db.EnforcementCases.Where(c => c.Id == id).Select(c => c.ActCode).SingleAsync());
        return (id, code, officers.Count);
    }
}
