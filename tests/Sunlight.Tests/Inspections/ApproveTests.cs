using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>审批赋码 and 检查结果 (Features/Inspections/Approve, Result), and the staff reads with their scope.</summary>
public sealed class ApproveTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/inspections/{id:long}/approve")]
    [ScopeCovered("GET /api/v1/inspections/{id:long}/qr.png")]
    public async Task Approve_GivesAnUnguessableCode_AuditsTheStateChange_OtherUnitNotFound()
    {
        var registered = await RegisterAsync(app, "unit03", await QuietEnterpriseId(app), Today(app).AddDays(2), type: "CaseDriven");
        using var unit05 = await app.ClientFor("unit05");
        Assert.Equal(HttpStatusCode.NotFound, (await unit05.PostJson($"/api/v1/inspections/{registered.Id}/approve", new { approvedBy = "李局长" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit05.GetAsync($"/api/v1/inspections/{registered.Id}/qr.png")).StatusCode);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostJson($"/api/v1/inspections/{registered.Id}/approve", new { approvedBy = "李局长" })).StatusCode);

        using var unit03 = await app.ClientFor("unit03");
        var tooLong = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/approve",
            new { approvedBy = new string('王', RegistryColumns.PersonLength + 1) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("approvedBy", out _));

        var approved = await HttpAssert.Ok<InspectionDto>(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/approve",
            new { approvedBy = new string('王', RegistryColumns.PersonLength), version = registered.Version }));
        Assert.Equal(InspectionState.Approved, approved.State);
        Assert.Matches("^JC-[2-9A-HJKMNP-Z]{12}$", approved.Code!);
        Assert.False(approved.ApprovedAfterVisit);
        var stored = await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == registered.Id));
        Assert.Equal(approved.Code, stored.Code);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(Inspection) && e.EntityId == registered.Id.ToString() && e.Action == "StateChange"));
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("Registered", before.RootElement.GetProperty("State").GetString());
        Assert.Equal("Approved", after.RootElement.GetProperty("State").GetString());
        Assert.Equal(approved.Code, after.RootElement.GetProperty("Code").GetString());

        var again = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/approve", new { approvedBy = "王局长" }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.State, again.GetProperty("rule").GetString());
        var png = await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);

        var another = await ApproveAsync(app, "unit03", (await RegisterAsync(app, "unit03", await QuietEnterpriseId(app, 1), Today(app).AddDays(2), type: "CaseDriven")).Id);
        Assert.NotEqual(approved.Code, another.Code);
    }

    [Fact]
    public async Task Approve_AfterTheVisitDay_IsFlaggedAsEmergency()
    {
        var date = Today(app).AddDays(-2);
        var backfilled = await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, "unit03", await QuietEnterpriseId(app, 2), date, type: "CaseDriven",
            officers: (await QualifiedOfficers(app, await UnitId(app, "unit03"), date)).Take(2).ToArray(), backfillReason: "夜间突发安全事故，先行检查"), HttpStatusCode.Created);
        var approved = await ApproveAsync(app, "unit03", backfilled.Id);
        Assert.True(approved.ApprovedAfterVisit);
        Assert.True(approved.IsBackfill);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/inspections/{id:long}/result")]
    public async Task Result_BeforeApproval_IsRefused_AfterApproval_Stored()
    {
        var registered = await RegisterAsync(app, "unit03", await QuietEnterpriseId(app, 3), Today(app).AddDays(1), type: "CaseDriven");
        using var unit03 = await app.ClientFor("unit03");
        var early = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/result", new { outcome = "NoPenalty", note = "首违不罚" }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Approval, early.GetProperty("rule").GetString());
        Assert.Equal(InspectionState.Registered, (await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == registered.Id))).State);

        await ApproveAsync(app, "unit03", registered.Id);
        using var unit05 = await app.ClientFor("unit05");
        Assert.Equal(HttpStatusCode.NotFound, (await unit05.PostJson($"/api/v1/inspections/{registered.Id}/result", new { outcome = "NoProblem" })).StatusCode);
        var tooLong = await HttpAssert.Problem(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/result",
            new { outcome = "Guidance", note = new string('导', InspectionColumns.TextLength + 1) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("note", out _));
        var note = new string('导', InspectionColumns.TextLength);
        var done = await HttpAssert.Ok<InspectionDto>(await unit03.PostJson($"/api/v1/inspections/{registered.Id}/result", new { outcome = "Guidance", note }));
        Assert.Equal(InspectionState.Done, done.State);
        var stored = await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == registered.Id));
        Assert.Equal(InspectionOutcome.Guidance, stored.Outcome);
        Assert.Equal(note, stored.ResultNote);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspections")]
    [ScopeCovered("GET /api/v1/inspections/{id:long}")]
    public async Task Reads_UnitSeesItsOwn_OtherUnitNotFound_EnterpriseAccountRefused()
    {
        var mine = await RegisterAsync(app, "unit03", await QuietEnterpriseId(app, 4), Today(app).AddDays(4), type: "CaseDriven");
        using var unit03 = await app.ClientFor("unit03");
        using var unit05 = await app.ClientFor("unit05");
        using var supervisor = await app.ClientFor("supervisor");
        using var company = await app.ClientFor("enterprise");
        var detail = await HttpAssert.Ok<InspectionDto>(await unit03.GetAsync($"/api/v1/inspections/{mine.Id}"));
        Assert.Equal(2, detail.Officers.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await unit05.GetAsync($"/api/v1/inspections/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/inspections/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync($"/api/v1/inspections/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync("/api/v1/inspections")).StatusCode);

        var list = await HttpAssert.Ok<JsonElement>(await unit05.GetAsync("/api/v1/inspections?limit=200"));
        var unit05Id = await UnitId(app, "unit05");
        Assert.All(list.GetProperty("items").EnumerateArray(), r => Assert.Equal(unit05Id, r.GetProperty("unitId").GetInt64()));
        var own = await HttpAssert.Ok<JsonElement>(await unit03.GetAsync($"/api/v1/inspections?enterpriseId={mine.EnterpriseId}"));
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }
}
