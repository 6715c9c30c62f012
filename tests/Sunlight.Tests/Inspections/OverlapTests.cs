using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>多头检查 / 重复检查 at the window's edges, the burden view, merge proposals and the joint inspection (Features/Inspections/Overlaps, Joint).</summary>
public sealed class OverlapTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static bool Pair(JsonElement p, long a, long b) =>
        (p.GetProperty("firstId").GetInt64() == a && p.GetProperty("secondId").GetInt64() == b) || (p.GetProperty("firstId").GetInt64() == b && p.GetProperty("secondId").GetInt64() == a);

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public async Task TwoUnits_WithinTheWindow_Overlap_AtItsEdge(int daysApart, bool overlaps)
    {
        var enterprise = await QuietEnterpriseId(app, daysApart);
        var first = await RegisterAsync(app, "unit03", enterprise, Today(app).AddDays(2), type: "CaseDriven");
        var secondResponse = await RegisterRaw(app, "unit05", enterprise, Today(app).AddDays(2 + daysApart), type: "CaseDriven");
        if (overlaps)
        {
            var warned = await HttpAssert.Problem(secondResponse, HttpStatusCode.Conflict);
            Assert.Equal(InspectionRules.Overlap, warned.GetProperty("rule").GetString());
            Assert.Contains("多头检查", warned.GetProperty("detail").GetString());
            secondResponse = await RegisterRaw(app, "unit05", enterprise, Today(app).AddDays(2 + daysApart), type: "CaseDriven", confirm: true);
        }
        var second = await HttpAssert.Ok<InspectionDto>(secondResponse, HttpStatusCode.Created);
        using var supervisor = await app.ClientFor("supervisor");
        var pairs = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(60):yyyy-MM-dd}"));
        Assert.Equal(overlaps, pairs.Any(p => Pair(p, first.Id, second.Id)));
        // A narrower window than the gap finds nothing.
        var narrow = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?window={daysApart - 1}&from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(60):yyyy-MM-dd}"));
        Assert.DoesNotContain(narrow, p => Pair(p, first.Id, second.Id));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspections/overlaps")]
    [ScopeCovered("GET /api/v1/inspections/burden")]
    public async Task RepeatedByOneUnit_IsFound_BurdenCountsIt_UnitsRefused()
    {
        var enterprise = await QuietEnterpriseId(app, 40);
        var start = new DateOnly(Today(app).Year + 1, 5, 1);
        var first = await RegisterAsync(app, "unit06", enterprise, start);
        var again = await HttpAssert.Problem(await RegisterRaw(app, "unit06", enterprise, start.AddDays(10)), HttpStatusCode.Conflict);
        Assert.Contains("重复检查", again.GetProperty("detail").GetString());
        var second = await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, "unit06", enterprise, start.AddDays(10), confirm: true), HttpStatusCode.Created);

        using var supervisor = await app.ClientFor("supervisor");
        var pairs = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?from={start:yyyy-MM-dd}&to={start.AddDays(30):yyyy-MM-dd}"));
        var pair = Assert.Single(pairs, p => Pair(p, first.Id, second.Id));
        Assert.True(pair.GetProperty("sameUnit").GetBoolean());
        var burden = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/burden?year={start.Year}&enterpriseId={enterprise}"));
        Assert.Equal(2, Assert.Single(burden).GetProperty("total").GetInt32());

        using var unit = await app.ClientFor("unit06");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/v1/inspections/overlaps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/v1/inspections/burden")).StatusCode);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspections/joint/proposals")]
    [ScopeCovered("POST /api/v1/inspections/joint")]
    public async Task PlannedInSameFortnight_AreProposed_AndMergedIntoOneJointInspection()
    {
        var enterprise = await QuietEnterpriseId(app, 41);
        var a = await RegisterAsync(app, "unit03", enterprise, Today(app).AddDays(5), type: "CaseDriven");
        var b = await RegisterAsync(app, "unit07", enterprise, Today(app).AddDays(12), type: "CaseDriven", confirm: true);
        using var supervisor = await app.ClientFor("supervisor");
        var proposals = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync("/api/v1/inspections/joint/proposals"));
        var proposal = Assert.Single(proposals, p => p.GetProperty("enterpriseId").GetInt64() == enterprise);
        Assert.Equal([a.Id, b.Id], proposal.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().ToArray());

        using var unit = await app.ClientFor("unit03");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/v1/inspections/joint/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostJson("/api/v1/inspections/joint", new { inspectionIds = new[] { a.Id, b.Id }, leadUnitId = a.UnitId, visitDate = Today(app).AddDays(8) })).StatusCode);
        var badLead = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/inspections/joint",
            new { inspectionIds = new[] { a.Id, b.Id }, leadUnitId = await UnitId(app, "unit05"), visitDate = Today(app).AddDays(8) }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Joint, badLead.GetProperty("rule").GetString());

        var joint = await HttpAssert.Ok<JsonElement>(await supervisor.PostJson("/api/v1/inspections/joint",
            new { inspectionIds = new[] { a.Id, b.Id }, leadUnitId = a.UnitId, visitDate = Today(app).AddDays(8) }), HttpStatusCode.Created);
        var jointId = joint.GetProperty("id").GetInt64();
        Assert.StartsWith("LH-", joint.GetProperty("code").GetString());
        var members = await app.Db(db => db.Set<Inspection>().AsNoTracking().Where(i => i.JointInspectionId == jointId).ToListAsync());
        Assert.Equal(2, members.Count);
        Assert.All(members, m => Assert.Equal(Today(app).AddDays(8), m.VisitDate));
        var stored = await app.Db(db => db.Set<JointInspection>().AsNoTracking().SingleAsync(j => j.Id == jointId));
        Assert.Equal(a.Items.Select(i => i.Id).Union(b.Items.Select(i => i.Id)).Order(), stored.ItemIds);
        Assert.DoesNotContain(await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync("/api/v1/inspections/joint/proposals")), p => p.GetProperty("enterpriseId").GetInt64() == enterprise);
        var pairs = await HttpAssert.Ok<List<JsonElement>>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(30):yyyy-MM-dd}"));
        Assert.DoesNotContain(pairs, p => Pair(p, a.Id, b.Id));

        var again = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/inspections/joint",
            new { inspectionIds = new[] { a.Id, b.Id }, leadUnitId = a.UnitId, visitDate = Today(app).AddDays(8) }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Joint, again.GetProperty("rule").GetString());
    }
}
