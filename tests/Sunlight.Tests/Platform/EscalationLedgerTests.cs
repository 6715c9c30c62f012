using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Tests.Platform;

public sealed class EscalationLedgerTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static DueEscalation Due(string key, long unitId, string title = "催办：测试事项") => new(
        key, EscalationKind.Urge, unitId, "359901", "Test", 1, "测试催办", new DateOnly(2026, 11, 25),
        title, "请于今日办结。", "/Inbox", AlsoNotifySupervisors: false);

    [Fact]
    public async Task RecordOnce_SameKeyTwice_WritesOneEscalationAndOneSetOfNotifications()
    {
        var unitId = await app.Db(db => db.Units.Where(u => u.Code == "U08").Select(u => u.Id).SingleAsync());
        async Task<bool> Record()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EscalationLedger>().RecordOnceAsync(Due("test:once", unitId, "催办：只发一次"), CancellationToken.None);
        }
        Assert.True(await Record());
        Assert.False(await Record());
        Assert.Equal(1, await app.Db(db => db.Set<Escalation>().CountAsync(e => e.Key == "test:once")));
        Assert.Equal(1, await app.Db(db => db.Set<Notification>().CountAsync(n => n.Title == "催办：只发一次")));
    }

    [Fact]
    public async Task TwoAppInstancesOnOneDatabase_RaceForTheSameKeys_EachFiresExactlyOnce()
    {
        // A second instance of the app on the very same database, as two servers behind a load balancer.
        await using var second = new SunlightFactory(app.ConnectionString, Path.Combine(TestDatabases.Root, "second-" + Guid.NewGuid().ToString("N")));
        second.CreateClient().Dispose();
        var unitId = await app.Db(db => db.Units.Where(u => u.Code == "U09").Select(u => u.Id).SingleAsync());
        var keys = Enumerable.Range(1, 15).Select(i => $"race:{i}").ToList();

        async Task<int> RunOn(IServiceProvider services)
        {
            var fired = 0;
            foreach (var key in keys)
            {
                using var scope = services.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<EscalationLedger>().RecordOnceAsync(Due(key, unitId), CancellationToken.None))
                {
                    fired++;
                }
            }
            return fired;
        }
        var results = await Task.WhenAll(Task.Run(() => RunOn(app.Services)), Task.Run(() => RunOn(second.Services)));

        Assert.Equal(keys.Count, results.Sum());
        var stored = await app.Db(db => db.Set<Escalation>().Where(e => e.Key!.StartsWith("race:")).Select(e => e.Key).ToListAsync());
        Assert.Equal(keys.Order(), stored.Order());
        var unitStaff = await app.Db(db => db.Users.CountAsync(u => u.UnitId == unitId));
        Assert.Equal(keys.Count * unitStaff, await app.Db(db => db.Set<Notification>().CountAsync(n => n.Title == "催办：测试事项" && n.Body == "请于今日办结。")));
    }

    [Fact]
    public async Task JobLease_OnlyOneInstanceRunsAJobPerInterval()
    {
        await using var second = new SunlightFactory(app.ConnectionString, Path.Combine(TestDatabases.Root, "second-" + Guid.NewGuid().ToString("N")));
        second.CreateClient().Dispose();
        var job = new CountingJob();
        async Task<bool> Try(IServiceProvider services)
        {
            using var scope = services.CreateScope();
            return await services.GetRequiredService<JobRunner>().RunIfLeasedAsync(scope.ServiceProvider, job, CancellationToken.None);
        }
        var ran = await Task.WhenAll(Try(app.Services), Try(second.Services));
        Assert.Equal(1, ran.Count(r => r));
        Assert.Equal(1, job.Runs);
    }

    private sealed class CountingJob : IScheduledJob
    {
        private int _runs;
        public int Runs => _runs;
        public string Name => "test-counting-" + GetHashCode();
        public TimeSpan Interval => TimeSpan.FromMinutes(10);
        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
