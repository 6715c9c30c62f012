using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>预警 (Features/Enforcement/Warnings): the board, the unit's list, dismissal with a reason, 转为问题.</summary>
public sealed class WarningTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    /// <summary>A unit02 case with one officer and an 调查取证: an open P-OFFICERS warning.</summary>
    private async Task<(long CaseId, long WarningId)> OneOfficerCaseAsync(string number)
    {
        var filed = Today(app).AddDays(-10);
        using var unit = await app.ClientFor("unit02");
        var dto = await RegisterAsync(unit, Penalty(number, filed, (await QualifiedOfficers(app, "unit02", filed)).Take(1)));
        var id = dto.GetProperty("id").GetInt64();
        await MilestoneAsync(unit, id, "Investigated", filed.AddDays(1));
        var warning = await app.Db(db => db.Warnings.Where(w => w.CaseId == id && w.Rule == "P-OFFICERS").Select(w => w.Id).SingleAsync());
        return (id, warning);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/warnings/{id:long}/dismiss")]
    public async Task Dismiss_WithReason_StoresAndAudits_UnitStaff403()
    {
        var (_, warningId) = await OneOfficerCaseAsync("预警-1");
        using var unit = await app.ClientFor("unit02");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/warnings/{warningId}/dismiss", new { reason = "x" }), HttpStatusCode.Forbidden);

        using var supervisor = await app.ClientFor("supervisor");
        var reason = new string('因', CaseColumns.ReasonLength);
        var response = await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/dismiss", new { reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.Id == warningId));
        Assert.Equal(WarningState.Dismissed, stored.State);
        Assert.Equal(reason, stored.DismissReason);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Warning) && e.EntityId == warningId.ToString() && e.Action == "StateChange"));
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("Open", before.RootElement.GetProperty("State").GetString());
        Assert.Equal("Dismissed", after.RootElement.GetProperty("State").GetString());

        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/dismiss", new { reason = "再次" }), HttpStatusCode.Conflict);
        Assert.Equal("E-WARNING", again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Dismiss_ReasonEmptyOrOneOverColumn_Returns400()
    {
        var (_, warningId) = await OneOfficerCaseAsync("预警-2");
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/dismiss", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写排除理由", body.GetProperty("errors").GetProperty("reason")[0].GetString());
        body = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/dismiss", new { reason = new string('因', CaseColumns.ReasonLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(WarningState.Open, (await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.Id == warningId))).State);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/warnings/{id:long}/problem")]
    public async Task TurnIntoProblem_RaisesLedgerProblem_LinksWarning_Once()
    {
        var (caseId, warningId) = await OneOfficerCaseAsync("预警-3");
        using var unit = await app.ClientFor("unit02");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/warnings/{warningId}/problem", new { }), HttpStatusCode.Forbidden);

        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/problem", new { note = "请立即整改" })).StatusCode);

        var warning = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.Id == warningId));
        Assert.NotNull(warning.ProblemId);
        var problem = await app.Db(db => db.Set<Problem>().AsNoTracking().SingleAsync(p => p.Id == warning.ProblemId));
        Assert.Equal(ProblemSource.Warning, problem.Source);
        Assert.Equal(nameof(Warning), problem.SourceType);
        Assert.Equal(warningId, problem.SourceId);
        Assert.Equal(await UnitOf(app, "unit02"), problem.UnitId);
        Assert.Contains("P-OFFICERS", problem.Description);
        Assert.Contains("预警-3", problem.Description);
        Assert.Equal(ProblemSeverity.Serious, problem.Severity);

        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/warnings/{warningId}/problem", new { }), HttpStatusCode.Conflict);
        Assert.Equal("E-WARNING", again.GetProperty("rule").GetString());
        Assert.Equal(1, await app.Db(db => db.Set<Problem>().CountAsync(p => p.SourceType == nameof(Warning) && p.SourceId == warningId)));
        _ = caseId;
    }

    [Fact]
    [ScopeCovered("GET /api/v1/cases/warnings")]
    [ScopeCovered("GET /api/v1/cases")]
    [ScopeCovered("GET /api/v1/cases/{id:long}")]
    [ScopeCovered("GET /api/v1/cases/rules")]
    public async Task Lists_AreScopedByUnit_EnterpriseAndInspector403()
    {
        var (caseId, warningId) = await OneOfficerCaseAsync("预警-4");
        var unit02 = await UnitOf(app, "unit02");

        using var own = await app.ClientFor("unit02");
        var board = await HttpAssert.Ok<JsonElement>(await own.GetAsync("/api/v1/cases/warnings?state=Open&limit=200"));
        Assert.All(board.GetProperty("items").EnumerateArray(), w => Assert.Equal(unit02, w.GetProperty("unitId").GetInt64()));
        var cases = await HttpAssert.Ok<JsonElement>(await own.GetAsync("/api/v1/cases?limit=200"));
        Assert.All(cases.GetProperty("items").EnumerateArray(), c => Assert.Equal(unit02, c.GetProperty("unitId").GetInt64()));
        Assert.Equal(caseId, cases.GetProperty("items")[0].GetProperty("id").GetInt64());

        using var other = await app.ClientFor("unit03");
        var theirs = await HttpAssert.Ok<JsonElement>(await other.GetAsync("/api/v1/cases/warnings?limit=200"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), w => w.GetProperty("id").GetInt64() == warningId);
        await HttpAssert.Problem(await other.GetAsync($"/api/v1/cases/{caseId}"), HttpStatusCode.NotFound);

        using var supervisor = await app.ClientFor("supervisor");
        var county = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/cases/warnings?rule=P-OFFICERS&caseId={caseId}"));
        Assert.Equal(warningId, Assert.Single(county.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.True(county.GetProperty("total").GetInt32() >= 1);
        var detail = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Contains("P-OFFICERS", OpenRules(detail));
        var rules = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync("/api/v1/cases/rules"));
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("code").GetString() == "P-90DAYS" && r.GetProperty("basis").GetString()!.Contains("第六十条"));

        foreach (var account in new[] { "enterprise", "inspector" })
        {
            using var outsider = await app.ClientFor(account);
            await HttpAssert.Problem(await outsider.GetAsync("/api/v1/cases"), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await outsider.GetAsync("/api/v1/cases/warnings"), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await outsider.GetAsync($"/api/v1/cases/{caseId}"), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await outsider.GetAsync("/api/v1/cases/rules"), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Correcting_TheRecord_ResolvesTheWarning()
    {
        var (caseId, warningId) = await OneOfficerCaseAsync("预警-5");
        var filed = Today(app).AddDays(-10);
        var second = (await QualifiedOfficers(app, "unit02", filed))[1];
        using var unit = await app.ClientFor("unit02");
        await unit.PostJson($"/api/v1/cases/{caseId}/milestones", new { kind = "Notified", on = filed.AddDays(2), officerIds = new[] { second } });
        Assert.Equal(WarningState.Resolved, (await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.Id == warningId))).State);
    }
}
