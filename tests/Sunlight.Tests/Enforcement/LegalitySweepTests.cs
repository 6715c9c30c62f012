using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Sweep;
using Sunlight.Web.Infrastructure.Jobs;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>The daily sweep (job legality-sweep): deadlines that pass while nobody touches a case become warnings.</summary>
public sealed class LegalitySweepTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task RunSweepAsync()
    {
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().OfType<LegalitySweepJob>().Single();
        Assert.True(await app.Services.GetRequiredService<JobRunner>().RunIfLeasedAsync(scope.ServiceProvider, job, CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_OpenCaseNearAndPast90Days_WarnsApproachingThenBreached_Idempotent()
    {
        var filed = Today(app).AddDays(-80);
        long id;
        using (var unit = await app.ClientFor("unit07"))
        {
            id = (await RegisterAsync(unit, Penalty("扫描-1", filed, (await QualifiedOfficers(app, "unit07", filed)).Take(2)))).GetProperty("id").GetInt64();
        }
        Assert.False(await app.Db(db => db.Warnings.AnyAsync(w => w.CaseId == id && w.Rule == "P-90DAYS")));

        // 2026-11-25 + 8 days: the 90th day after 立案 (2026-09-06) is 2026-12-05, a Saturday, rolled to Monday 2026-12-07.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await RunSweepAsync();
        var approaching = await app.Db(db => db.Warnings.AsNoTracking().SingleAsync(w => w.CaseId == id && w.Rule == "P-90DAYS"));
        Assert.True(approaching.IsApproaching);
        Assert.Equal(new DateOnly(2026, 12, 7), approaching.DueOn);

        app.Clock.Advance(TimeSpan.FromDays(5));
        await RunSweepAsync();
        await RunSweepAsync();
        var breached = await app.Db(db => db.Warnings.AsNoTracking().Where(w => w.CaseId == id && w.Rule == "P-90DAYS").ToListAsync());
        Assert.False(Assert.Single(breached).IsApproaching);
        Assert.Equal(WarningState.Open, breached[0].State);
    }

    [Fact]
    public async Task Sweep_StreamsEveryDemoCase()
    {
        using var scope = app.Services.CreateScope();
        var total = await app.Db(db => db.EnforcementCases.CountAsync());
        var result = await scope.ServiceProvider.GetRequiredService<LegalitySweep>().RunAsync(CancellationToken.None, batchSize: 37);
        Assert.Equal(total, result.Cases);
        Assert.True(total >= 22 * 10);
    }
}
