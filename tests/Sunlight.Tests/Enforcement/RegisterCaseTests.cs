using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>立案登记 (Features/Enforcement/Register): stored case, its audit entry, its limits and refusals, and the check on save.</summary>
public sealed class RegisterCaseTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/cases")]
    public async Task Register_WithTwoQualifiedOfficers_StoresCaseAndFiledMilestone_AndAudits_NoOfficerWarning()
    {
        var filed = Today(app).AddDays(-3);
        var officers = (await QualifiedOfficers(app, "unit01", filed)).Take(2).ToList();
        var number = new string('号', CaseColumns.NumberLength);
        using var unit = await app.ClientFor("unit01");

        var dto = await RegisterAsync(unit, Penalty(number, filed, officers));

        var id = dto.GetProperty("id").GetInt64();
        var stored = await StoredAsync(app, id);
        Assert.Equal(number, stored.Number);
        Assert.Equal(await UnitOf(app, "unit01"), stored.UnitId);
        Assert.Equal(MilestoneKind.Filed, Assert.Single(stored.Milestones).Kind);
        Assert.Equal(filed, stored.FiledOn);
        Assert.Equal(officers.Order(), stored.Officers.Select(o => o.OfficerId).Order());
        Assert.Equal(20, stored.ActCode.Length);
        Assert.DoesNotContain("P-OFFICERS", OpenRules(dto));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(EnforcementCase) && e.EntityId == id.ToString() && e.Action == "Create"));
        Assert.Contains("unit01", entry.Actor);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(number, after.RootElement.GetProperty("Number").GetString());
        Assert.Equal(nameof(CaseKind.Penalty), after.RootElement.GetProperty("Kind").GetString());
        Assert.Equal(JsonValueKind.Null, after.RootElement.GetProperty("PartyPinHash").ValueKind);

        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/cases", Penalty("X-1", filed, officers)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_WithOneOfficer_OpensOfficersWarning()
    {
        var filed = Today(app).AddDays(-3);
        var one = (await QualifiedOfficers(app, "unit02", filed)).Take(1);
        using var unit = await app.ClientFor("unit02");

        var dto = await RegisterAsync(unit, Penalty("单人-1", filed, one) is var body ? body : null!);
        // An inspection act with one officer: P-OFFICERS once the 调查取证 is recorded.
        var detail = await MilestoneAsync(unit, dto.GetProperty("id").GetInt64(), "Investigated", filed.AddDays(1));

        Assert.Contains("P-OFFICERS", OpenRules(detail));
        var w = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(x => x.CaseId == dto.GetProperty("id").GetInt64() && x.Rule == "P-OFFICERS"));
        Assert.Equal(WarningState.Open, w.State);
        Assert.Contains("仅 1 名", w.Message);
    }

    [Fact]
    public async Task Register_NumberOneOverColumn_Returns400_AndStoresNothing()
    {
        var filed = Today(app).AddDays(-3);
        using var unit = await app.ClientFor("unit01");
        var number = new string('号', CaseColumns.NumberLength + 1);
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty(number, filed, [])), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("number")[0].GetString());
        Assert.False(await app.Db(db => db.EnforcementCases.AnyAsync(c => c.Number == number)));
    }

    [Fact]
    public async Task Register_FiledTomorrow_Returns400_TodayIsAccepted()
    {
        using var unit = await app.ClientFor("unit01");
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty("明日-1", Today(app).AddDays(1), [])), HttpStatusCode.BadRequest);
        Assert.Equal("立案日期不能晚于今天", body.GetProperty("errors").GetProperty("filedOn")[0].GetString());
        await RegisterAsync(unit, Penalty("今日-1", Today(app), []));
    }

    [Fact]
    public async Task Register_AmountNotANumber_Returns400()
    {
        using var unit = await app.ClientFor("unit01");
        var response = await unit.PostAsync("/api/v1/cases", new StringContent(
            """{"kind":"Penalty","number":"N-1","title":"t","filedOn":"2026-11-01","partyKind":"Person","partyName":"张三","itemName":"i","legalBasis":"b","fineAmount":"五千"}""",
            System.Text.Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.False(await app.Db(db => db.EnforcementCases.AnyAsync(c => c.Number == "N-1")));
    }

    [Fact]
    public async Task Register_NegativeFine_Returns400_InChinese()
    {
        using var unit = await app.ClientFor("unit01");
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty("负数-1", Today(app), [], fine: -1m)), HttpStatusCode.BadRequest);
        Assert.Contains("金额", body.GetProperty("errors").GetProperty("fineAmount")[0].GetString());
    }

    [Fact]
    public async Task Register_OfficerOfAnotherUnit_Returns409_EOfficer()
    {
        var filed = Today(app).AddDays(-3);
        var stranger = (await QualifiedOfficers(app, "unit03", filed))[0];
        using var unit = await app.ClientFor("unit01");
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty("外单位-1", filed, [stranger])), HttpStatusCode.Conflict);
        Assert.Equal("E-OFFICER", body.GetProperty("rule").GetString());
        Assert.Contains("不是本单位的执法人员", body.GetProperty("detail").GetString());
        Assert.False(await app.Db(db => db.EnforcementCases.AnyAsync(c => c.Number == "外单位-1")));
    }

    [Fact]
    public async Task Register_OfficerWithExpiredCredential_Returns409_ECredential()
    {
        var filed = Today(app);
        string? account = null;
        long? expired = null;
        for (var i = 1; i <= 22 && expired is null; i++)
        {
            account = $"unit{i:00}";
            expired = await ExpiredOfficer(app, account, filed);
        }
        Assert.NotNull(expired);
        using var unit = await app.ClientFor(account!);
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty("过期证-1", filed, [expired.Value])), HttpStatusCode.Conflict);
        Assert.Equal("E-CREDENTIAL", body.GetProperty("rule").GetString());
        Assert.Contains("不在有效期内", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Register_SameNumberTwice_Returns409_ENumber()
    {
        using var unit = await app.ClientFor("unit01");
        await RegisterAsync(unit, Penalty("重号-1", Today(app), []));
        var body = await HttpAssert.Problem(await unit.PostJson("/api/v1/cases", Penalty("重号-1", Today(app), [])), HttpStatusCode.Conflict);
        Assert.Equal("E-NUMBER", body.GetProperty("rule").GetString());
    }
}
