using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>登记检查 (Features/Inspections/Register): items, officers, backfill, plan/trigger, caps, quiet list, stored state and audit.</summary>
public sealed class RegisterTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/inspections")]
    public async Task Register_StoresInspection_AndAuditsIt_OtherRolesRefused()
    {
        var enterprise = await QuietEnterpriseId(app);
        var date = Today(app).AddDays(3);
        var purpose = new string('查', InspectionColumns.TextLength);
        var unitId = await UnitId(app, "unit03");
        var items = (await ItemIds(app, unitId)).Take(2).ToArray();
        var officers = (await QualifiedOfficers(app, unitId, date)).Take(2).ToArray();

        var dto = await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, "unit03", enterprise, date, officers: officers, items: items, purpose: purpose), HttpStatusCode.Created);

        var stored = await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == dto.Id));
        Assert.Equal(unitId, stored.UnitId);
        Assert.Equal(InspectionState.Registered, stored.State);
        Assert.Equal(items, stored.ItemIds);
        Assert.Equal(officers, stored.OfficerIds);
        Assert.Equal(purpose, stored.Purpose);
        Assert.Null(stored.Code);
        Assert.False(stored.IsBackfill);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(Inspection) && e.EntityId == dto.Id.ToString() && e.Action == "Create"));
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(nameof(InspectionState.Registered), after.RootElement.GetProperty("State").GetString());
        Assert.Equal(nameof(InspectionType.Routine), after.RootElement.GetProperty("Type").GetString());

        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostJson("/api/v1/inspections", new { enterpriseId = enterprise })).StatusCode);
        using var company = await app.ClientFor("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await company.PostJson("/api/v1/inspections", new { enterpriseId = enterprise })).StatusCode);
    }

    [Fact]
    public async Task Register_PurposeOverColumn_Returns400_AndStoresNothing()
    {
        var enterprise = await QuietEnterpriseId(app, 1);
        var body = await HttpAssert.Problem(await RegisterRaw(app, "unit03", enterprise, Today(app).AddDays(3), purpose: new string('查', InspectionColumns.TextLength + 1)), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("purpose")[0].GetString());
        Assert.False(await app.Db(db => db.Set<Inspection>().AnyAsync(i => i.EnterpriseId == enterprise)));
    }

    [Fact]
    public async Task Register_ItemOfAnotherUnit_IsRefused_AsUnpublished()
    {
        var other = (await ItemIds(app, await UnitId(app, "unit05")))[0];
        var enterprise = await QuietEnterpriseId(app, 2);
        var body = await HttpAssert.Problem(await RegisterRaw(app, "unit03", enterprise, Today(app).AddDays(3), type: "CaseDriven", items: [other]), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Items, body.GetProperty("rule").GetString());
        Assert.False(await app.Db(db => db.Set<Inspection>().AnyAsync(i => i.EnterpriseId == enterprise)));
    }

    [Fact]
    public async Task Register_AuxiliaryOrExpiredOfficer_DoesNotCount_P_OFFICERS()
    {
        var unitId = await UnitId(app, "unit03");
        var date = Today(app).AddDays(3);
        var qualified = await QualifiedOfficers(app, unitId, date);
        var unqualified = await app.Db(db => db.Officers.Include(o => o.Credentials).Where(o => o.UnitId == unitId).ToListAsync());
        var notCounting = unqualified.First(o => !o.IsQualifiedOn(date)).Id;
        var enterprise = await QuietEnterpriseId(app, 3);

        var body = await HttpAssert.Problem(await RegisterRaw(app, "unit03", enterprise, date, type: "CaseDriven", officers: [qualified[0], notCounting]), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Officers, body.GetProperty("rule").GetString());
        var one = await HttpAssert.Problem(await RegisterRaw(app, "unit03", enterprise, date, type: "CaseDriven", officers: [qualified[0]]), HttpStatusCode.BadRequest);
        Assert.Contains("两名以上", one.GetProperty("errors").GetProperty("officerIds")[0].GetString());
        Assert.False(await app.Db(db => db.Set<Inspection>().AnyAsync(i => i.EnterpriseId == enterprise)));
    }

    [Theory]
    [InlineData(10, "现场执法时系统故障", HttpStatusCode.Created)]
    [InlineData(11, "现场执法时系统故障", HttpStatusCode.BadRequest)]
    [InlineData(1, null, HttpStatusCode.BadRequest)]
    public async Task Register_Backfill_WithinTenDays_WithReason(int daysAgo, string? reason, HttpStatusCode expected)
    {
        var enterprise = await QuietEnterpriseId(app, 4 + daysAgo);
        var date = Today(app).AddDays(-daysAgo);
        var unitId = await UnitId(app, "unit03");
        var response = await RegisterRaw(app, "unit03", enterprise, date, type: "CaseDriven", backfillReason: reason,
            officers: (await QualifiedOfficers(app, unitId, date)).Take(2).ToArray());
        Assert.Equal(expected, response.StatusCode);
        var stored = await app.Db(db => db.Set<Inspection>().AsNoTracking().FirstOrDefaultAsync(i => i.EnterpriseId == enterprise));
        Assert.Equal(expected == HttpStatusCode.Created, stored is { IsBackfill: true });
    }

    [Fact]
    public async Task Register_RoutineWithoutPlan_Or_CaseWithoutTrigger_Returns400()
    {
        var enterprise = await QuietEnterpriseId(app, 20);
        var unitId = await UnitId(app, "unit03");
        var date = Today(app).AddDays(3);
        using var client = await app.ClientFor("unit03");
        var common = new { enterpriseId = enterprise, mode = "OnSite", visitDate = date, purpose = "检查", itemIds = new[] { (await ItemIds(app, unitId))[0] }, officerIds = (await QualifiedOfficers(app, unitId, date)).Take(2).ToArray() };
        var routine = await HttpAssert.Problem(await client.PostJson("/api/v1/inspections", new { common.enterpriseId, type = "Routine", common.mode, common.visitDate, common.purpose, common.itemIds, common.officerIds }), HttpStatusCode.BadRequest);
        Assert.True(routine.GetProperty("errors").TryGetProperty("planId", out _));
        var caseDriven = await HttpAssert.Problem(await client.PostJson("/api/v1/inspections", new { common.enterpriseId, type = "CaseDriven", common.mode, common.visitDate, common.purpose, common.itemIds, common.officerIds }), HttpStatusCode.BadRequest);
        Assert.True(caseDriven.GetProperty("errors").TryGetProperty("trigger", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/inspections", new StringContent("null", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Cap_ThirdRoutineInAYear_Warns_CaseDrivenDoesNot_ConfirmedSavesAndRaisesProblem()
    {
        var enterprise = await QuietEnterpriseId(app, 21);
        var start = new DateOnly(Today(app).Year + 1, 1, 10);
        await RegisterAsync(app, "unit03", enterprise, start);
        await RegisterAsync(app, "unit03", enterprise, start.AddDays(40));
        // 个案 does not count against the cap (and is no repeat of routine visits).
        await RegisterAsync(app, "unit03", enterprise, start.AddDays(80), type: "CaseDriven");

        var third = await HttpAssert.Problem(await RegisterRaw(app, "unit03", enterprise, start.AddDays(120)), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Cap, third.GetProperty("rule").GetString());
        Assert.Contains("频次上限 2 次", third.GetProperty("detail").GetString());
        Assert.Equal(3, await app.Db(db => db.Set<Inspection>().CountAsync(i => i.EnterpriseId == enterprise)));

        var confirmed = await RegisterAsync(app, "unit03", enterprise, start.AddDays(120), confirm: true);
        Assert.Contains(InspectionRules.Cap, confirmed.Warnings);
        var problem = await app.Db(db => db.Set<Problem>().AsNoTracking().SingleAsync(p => p.SourceType == nameof(Inspection) && p.SourceId == confirmed.Id));
        Assert.Equal(ProblemSource.Warning, problem.Source);
        Assert.Contains("频次上限", problem.Description);
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/inspections/caps")]
    [ScopeCovered("GET /api/v1/inspections/caps")]
    [ScopeCovered("POST /api/v1/inspections/quiet-list")]
    [ScopeCovered("GET /api/v1/inspections/quiet-list")]
    public async Task CapsAndQuietList_SetBySupervisor_ApplyToRegistrations_UnitsRefused()
    {
        var enterprise = await QuietEnterpriseId(app, 22);
        var unitId = await UnitId(app, "unit04");
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit04");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutJson("/api/v1/inspections/caps", new { maxPerYear = 9, unitId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/v1/inspections/caps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostJson("/api/v1/inspections/quiet-list", new { enterpriseId = enterprise })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/v1/inspections/quiet-list")).StatusCode);

        await HttpAssert.Ok<JsonElement>(await supervisor.PutJson("/api/v1/inspections/caps", new { maxPerYear = 1, unitId }));
        Assert.Equal(1, await app.Db(db => db.Set<InspectionCap>().Where(c => c.UnitId == unitId).Select(c => c.MaxPerYear).SingleAsync()));
        var start = new DateOnly(Today(app).Year + 1, 3, 1);
        await RegisterAsync(app, "unit04", enterprise, start, type: "Special");
        var second = await HttpAssert.Problem(await RegisterRaw(app, "unit04", enterprise, start.AddDays(60)), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Cap, second.GetProperty("rule").GetString());

        var quietOne = await QuietEnterpriseId(app, 23);
        await HttpAssert.Ok<JsonElement>(await supervisor.PostJson("/api/v1/inspections/quiet-list",
            new { enterpriseId = quietOne, from = start, to = start.AddDays(90), reason = "信用 A 级企业" }), HttpStatusCode.Created);
        var quiet = await HttpAssert.Problem(await RegisterRaw(app, "unit04", quietOne, start.AddDays(10)), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Quiet, quiet.GetProperty("rule").GetString());
        await RegisterAsync(app, "unit04", quietOne, start.AddDays(91));
        Assert.Single((await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync("/api/v1/inspections/quiet-list?limit=200"))).GetProperty("items").EnumerateArray(), e => e.GetProperty("enterpriseId").GetInt64() == quietOne);
        Assert.Contains((await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync("/api/v1/inspections/caps?limit=200"))).GetProperty("items").EnumerateArray(), e => e.GetProperty("maxPerYear").GetInt32() == 1);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/inspections/plans")]
    [ScopeCovered("GET /api/v1/inspections/plans")]
    public async Task Plan_WithUnpublishedItem_Refused_UnitSeesOwnPlansOnly()
    {
        using var unit03 = await app.ClientFor("unit03");
        using var unit05 = await app.ClientFor("unit05");
        var other = (await ItemIds(app, await UnitId(app, "unit05")))[0];
        var refused = await HttpAssert.Problem(await unit03.PostJson("/api/v1/inspections/plans",
            new { year = Today(app).Year, title = "计划", itemIds = new[] { other }, months = new[] { 3 }, targetCount = 5 }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Items, refused.GetProperty("rule").GetString());
        var tooLong = await HttpAssert.Problem(await unit03.PostJson("/api/v1/inspections/plans",
            new { year = Today(app).Year, title = new string('计', InspectionColumns.TitleLength + 1), itemIds = new[] { other }, months = new[] { 3 }, targetCount = 5 }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("title", out _));
        var planId = await PlanAsync(unit03, [(await ItemIds(app, await UnitId(app, "unit03")))[0]], Today(app).Year);
        Assert.Contains((await HttpAssert.Ok<JsonElement>(await unit03.GetAsync("/api/v1/inspections/plans?limit=200"))).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == planId);
        Assert.DoesNotContain((await HttpAssert.Ok<JsonElement>(await unit05.GetAsync("/api/v1/inspections/plans?limit=200"))).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == planId);
        using var company = await app.ClientFor("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync("/api/v1/inspections/plans")).StatusCode);
    }
}
