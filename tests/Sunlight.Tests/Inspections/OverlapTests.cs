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

    /// <summary>Every pair of the query, page after page (keyset: each page's nextCursor is the next one's after).</summary>
    private static async Task<List<JsonElement>> AllPairsAsync(HttpClient supervisor, string query, int limit = 200)
    {
        var all = new List<JsonElement>();
        long? after = null;
        do
        {
            var page = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?{query}&limit={limit}{(after is { } a ? $"&after={a}" : "")}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Number ? page.GetProperty("nextCursor").GetInt64() : null;
        }
        while (after is not null);
        return all;
    }

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
        var pairs = await AllPairsAsync(supervisor, $"from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(60):yyyy-MM-dd}");
        Assert.Equal(overlaps, pairs.Any(p => Pair(p, first.Id, second.Id)));
        // A narrower window than the gap finds nothing.
        var narrow = await AllPairsAsync(supervisor, $"window={daysApart - 1}&from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(60):yyyy-MM-dd}");
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
        var pairs = await AllPairsAsync(supervisor, $"from={start:yyyy-MM-dd}&to={start.AddDays(30):yyyy-MM-dd}");
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
        var pairs = await AllPairsAsync(supervisor, $"from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(30):yyyy-MM-dd}");
        Assert.DoesNotContain(pairs, p => Pair(p, a.Id, b.Id));

        var again = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/inspections/joint",
            new { inspectionIds = new[] { a.Id, b.Id }, leadUnitId = a.UnitId, visitDate = Today(app).AddDays(8) }), HttpStatusCode.Conflict);
        Assert.Equal(InspectionRules.Joint, again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Overlaps_PageByPairCursor_EachPairExactlyOnce_NewestFirst_WithTotal_AndThePageShowsIt()
    {
        // Four inspections of one enterprise within 30 days by four units: six pairs, three of them sharing the first inspection
        // and two on the same first day, so neither an id nor a date alone can be the cursor.
        var enterprise = await QuietEnterpriseId(app, 42);
        var day = new DateOnly(Today(app).Year + 1, 3, 2);
        var ids = new List<long>
        {
            (await RegisterAsync(app, "unit03", enterprise, day, type: "CaseDriven")).Id,
            (await RegisterAsync(app, "unit05", enterprise, day, type: "CaseDriven", confirm: true)).Id,
            (await RegisterAsync(app, "unit07", enterprise, day.AddDays(3), type: "CaseDriven", confirm: true)).Id,
            (await RegisterAsync(app, "unit06", enterprise, day.AddDays(10), type: "CaseDriven", confirm: true)).Id,
        };
        using var supervisor = await app.ClientFor("supervisor");
        var query = $"from={day:yyyy-MM-dd}&to={day.AddDays(10):yyyy-MM-dd}";
        var whole = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?{query}&limit=200"));
        var total = whole.GetProperty("total").GetInt32();
        Assert.Equal(whole.GetProperty("items").GetArrayLength(), total);

        var paged = await AllPairsAsync(supervisor, query, limit: 1);
        var keys = paged.Select(p => (First: p.GetProperty("firstId").GetInt64(), Second: p.GetProperty("secondId").GetInt64())).ToList();
        Assert.Equal(total, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var mine = keys.Where(k => ids.Contains(k.First) && ids.Contains(k.Second)).ToList();
        Assert.Equal(6, mine.Count);
        Assert.Equal(3, mine.Count(k => k.First == ids[0]));
        Assert.Equal(whole.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("firstId").GetInt64(), p.GetProperty("secondId").GetInt64())), keys);
        var dates = paged.Select(p => DateOnly.Parse(p.GetProperty("firstDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);

        var year = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/inspections/overlaps?from={day.Year}-01-01&to={day.Year}-12-31&limit=1"));
        using var session = await PageSession.SignInAsync(app, "supervisor");
        var html = await session.GetHtmlAsync($"/Inspections/Overlaps?year={day.Year}");
        Assert.Contains($"共 {year.GetProperty("total").GetInt32()} 条", html, StringComparison.Ordinal);
    }
}
