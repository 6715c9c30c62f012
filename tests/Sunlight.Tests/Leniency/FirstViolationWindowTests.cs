using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Jobs;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>The window at its edges with the fake clock (both ledgers), its setting, and the overdue-correction flag.</summary>
public sealed class FirstViolationWindowTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string ItemName = "未按规定办理车辆年审";

    private static Task RunJobAsync(IServiceProvider services) => RunAsync(services);

    private static async Task RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "leniency-deadlines").RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RegisterCaseOnTheWindowsFirstDay_Refuses_OneDayEarlier_Allows()
    {
        var item = Item(await ApprovedListAsync(app, "unit06", ListKind.FirstViolation, (ItemName, ["初次违法"])), ItemName);
        using var unit06 = await app.ClientFor("unit06");
        var today = ChinaTime.Today(app.Clock);
        var inside = NewUscc();
        await RegisterCaseAsync(app, "unit06", inside, ItemName, today.AddMonths(-12).AddDays(1));
        Assert.Equal("P-FIRST", (await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, inside)), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
        var outside = NewUscc();
        await RegisterCaseAsync(app, "unit06", outside, ItemName, today.AddMonths(-12));
        await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, outside)));

        // The next day the first enterprise's case has left the window.
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var later = await app.ClientFor("unit06");
        await Json(await later.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, inside)));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/leniency/settings")]
    [ScopeCovered("PUT /api/v1/leniency/settings")]
    public async Task EarlierExemption_AtTheWindowsEdges_AndTheConfiguredWindow()
    {
        var name = ItemName + "（豁免台账）";
        var item = Item(await ApprovedListAsync(app, "unit06", ListKind.FirstViolation, (name, ["初次违法"])), name);
        var uscc = NewUscc();
        using var unit06 = await app.ClientFor("unit06");
        var id = (await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)))).GetProperty("exemption").GetProperty("id").GetInt64();
        var violationOn = await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.ViolationOn).SingleAsync());

        // Move to the last day the earlier exemption is inside the 12-month window, then one day past it.
        var lastInside = violationOn.AddMonths(12).AddDays(-1);
        app.Clock.Advance(TimeSpan.FromDays(lastInside.DayNumber - ChinaTime.Today(app.Clock).DayNumber));
        using var c1 = await app.ClientFor("unit06");
        Assert.Equal("P-FIRST", (await HttpAssert.Problem(await c1.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());

        // A 6-month window: the same exemption is outside it.
        using var supervisor = await app.ClientFor("supervisor");
        var bad = await HttpAssert.Problem(await supervisor.PutAsync("/api/v1/leniency/settings", System.Net.Http.Json.JsonContent.Create(new { firstViolationMonths = 0 })), HttpStatusCode.BadRequest);
        Assert.Contains("1 至 60", bad.GetProperty("errors").GetProperty("firstViolationMonths")[0].GetString());
        await HttpAssert.Problem(await c1.PutAsync("/api/v1/leniency/settings", System.Net.Http.Json.JsonContent.Create(new { firstViolationMonths = 6 })), HttpStatusCode.Forbidden);
        await Json(await supervisor.PutAsync("/api/v1/leniency/settings", System.Net.Http.Json.JsonContent.Create(new { firstViolationMonths = 6 })));
        Assert.Equal(6, (await Json(await c1.GetAsync("/api/v1/leniency/settings"))).GetProperty("firstViolationMonths").GetInt32());
        await Json(await c1.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)));
        await Json(await supervisor.PutAsync("/api/v1/leniency/settings", System.Net.Http.Json.JsonContent.Create(new { firstViolationMonths = 12 })));

        // Back to 12 months, one day later: the first exemption is outside, the second (just recorded) inside.
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var c2 = await app.ClientFor("unit06");
        var check = await Json(await c2.GetAsync($"/api/v1/leniency/first-violation?uscc={uscc}&listItemId={item.GetProperty("id").GetInt64()}"));
        Assert.NotEqual(id, check.GetProperty("earlier").GetProperty("id").GetInt64());
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/leniency/settings"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OverdueCorrection_IsFlaggedToProceedToPenalty_AndSupervisedOnce()
    {
        var name = ItemName + "（逾期）";
        var item = Item(await ApprovedListAsync(app, "unit06", ListKind.FirstViolation, (name, ["初次违法"])), name);
        using var unit06 = await app.ClientFor("unit06");
        var id = (await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, NewUscc())))).GetProperty("exemption").GetProperty("id").GetInt64();
        var deadline = await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.CorrectionDeadline).SingleAsync());

        app.Clock.Advance(TimeSpan.FromDays(deadline.DayNumber - 1 - ChinaTime.Today(app.Clock).DayNumber));
        await RunJobAsync(app.Services);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync(app.Services);
        Assert.Null(await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.OverdueFlaggedOn).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync(app.Services);
        await RunJobAsync(app.Services);
        Assert.Equal(ChinaTime.Today(app.Clock), await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.OverdueFlaggedOn).SingleAsync()));
        var escalations = await app.Db(db => db.Set<Escalation>().Where(e => e.SubjectType == nameof(ExemptionCase) && e.SubjectId == id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(1, escalations.Count(k => k == EscalationKind.Supervise));
        Assert.Contains(EscalationKind.Reminder, escalations);
    }
}
