using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Tests.Problems;

internal static class DeadlineJob
{
    public static async Task RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "problem-deadlines").RunAsync(CancellationToken.None);
    }

    public static Task<List<Escalation>> EscalationsOf(this SunlightFactory app, long problemId) =>
        app.Db(db => db.Set<Escalation>().Where(e => e.SubjectType == "Problem" && e.SubjectId == problemId).OrderBy(e => e.Id).ToListAsync());
}

/// <summary>Deadline arithmetic with the real handlers and calendar on a clock of the test's choosing.</summary>
public sealed class ProblemDeadlineArithmeticTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task DefaultDeadline_AcrossSpringFestival_CountsWorkingDaysAndMakeUpDays()
    {
        // Mon 2026-02-09: the Spring Festival (2/15–2/23) is skipped, the make-up Saturdays 2/14 and 2/28 count.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 9, 1, 0, 0, TimeSpan.Zero));
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var ledger = ActivatorUtilities.CreateInstance<ProblemLedger>(sp, clock);
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.Manual, null, null, await app.UnitId("U14"), "执法程序",
            ProblemSeverity.Minor, "春节期间的整改时限", new DateOnly(2026, 2, 6), "督查组"), CancellationToken.None);
        await sp.GetRequiredService<SunlightDbContext>().SaveChangesAsync();
        // 5 WD: 2/10, 2/11, 2/12, 2/13, 2/14 (make-up Saturday).
        Assert.Equal(new DateOnly(2026, 2, 14), problem.PlanDueOn);

        var propose = ActivatorUtilities.CreateInstance<ProposeRectificationMeasures>(sp, clock);
        var r = await propose.RunAsync(new ProposeMeasuresInput("整改", null, problem.Version) { Id = problem.Id }, CancellationToken.None);
        // 20 WD: 2/10–2/14 (5), 2/24–2/28 (10, 2/28 make-up), 3/2–3/6 (15), 3/9–3/13 (20).
        Assert.Equal(new DateOnly(2026, 3, 13), r.Value!.Deadline);
        Assert.False(r.Value.DeadlineUncertain);
        Assert.Equal(new DateOnly(2026, 3, 13), (await app.Stored(problem.Id)).Deadline);
    }

    [Fact]
    public async Task DeadlineBeyondTheLoadedCalendar_IsFlaggedUncertain()
    {
        var p = await app.RaiseAsync("U15");
        using var unit15 = await app.ClientFor("unit15");
        p = await ProblemApi.Post(unit15, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("整改", new DateOnly(2027, 3, 1), p.Version));
        Assert.True(p.DeadlineUncertain);
        Assert.True((await app.Stored(p.Id)).DeadlineUncertain);
    }
}

public sealed class ProblemDeadlineJobTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Job_RemindsThreeWorkingDaysBefore_UrgesOnTheDay_SupervisesWhenOverdue_EachOnce()
    {
        var p = await app.RaiseAsync("U16");
        using var unit16 = await app.ClientFor("unit16");
        // Deadline Tue 2026-12-08; 3 WD before it is Thu 2026-12-03.
        p = await ProblemApi.Post(unit16, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("整改", new DateOnly(2026, 12, 8), p.Version));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        await DeadlineJob.RunAsync(app.Services);
        Assert.Empty(await app.EscalationsOf(p.Id));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
        await DeadlineJob.RunAsync(app.Services);
        await DeadlineJob.RunAsync(app.Services);
        var reminder = Assert.Single(await app.EscalationsOf(p.Id));
        Assert.Equal(EscalationKind.Reminder, reminder.Kind);
        Assert.Equal($"problem:{p.Id}:reminder:20261208", reminder.Key);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero));
        await DeadlineJob.RunAsync(app.Services);
        Assert.Equal([EscalationKind.Reminder, EscalationKind.Urge], (await app.EscalationsOf(p.Id)).Select(e => e.Kind));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 1, 0, 0, TimeSpan.Zero));
        await DeadlineJob.RunAsync(app.Services);
        await DeadlineJob.RunAsync(app.Services);
        Assert.Equal([EscalationKind.Reminder, EscalationKind.Urge, EscalationKind.Supervise], (await app.EscalationsOf(p.Id)).Select(e => e.Kind));
        // 督办 reaches the Supervisors' inbox too; the unit's staff got each message once.
        var supervisorId = await app.Db(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await app.Db(db => db.Set<Notification>().CountAsync(n => n.UserId == supervisorId && n.Title == $"督办：问题 {p.Number} 逾期未整改")));
        var unitUser = await app.Db(db => db.Users.Where(u => u.UserName == "unit16").Select(u => u.Id).SingleAsync());
        Assert.Equal(3, await app.Db(db => db.Set<Notification>().CountAsync(n => n.UserId == unitUser && n.Link == $"/Problems/Details?no={p.Number}" && !n.Title.StartsWith("新交办"))));

        // A problem without measures past its plan date is 催办ed once.
        var noPlan = await app.Db(db => db.Set<Problem>().FirstAsync(x => x.State == ProblemState.Raised && x.PlanDueOn < new DateOnly(2026, 12, 9)));
        Assert.Contains(await app.EscalationsOf(noPlan.Id), e => e.Key == $"problem:{noPlan.Id}:noplan:{noPlan.PlanDueOn:yyyyMMdd}");
    }
}

public sealed class ProblemDeadlineTwoHostTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task TwoAppInstancesOnOneDatabase_RunTheDeadlineJobTogether_EachEscalationFiresOnce()
    {
        await using var second = new SunlightFactory(app.ConnectionString, Path.Combine(TestDatabases.Root, "second-" + Guid.NewGuid().ToString("N")));
        second.CreateClient().Dispose();
        var fresh = new List<long>();
        using var unit17 = await app.ClientFor("unit17");
        for (var i = 0; i < 3; i++)
        {
            var p = await app.RaiseAsync("U17", $"并发测试问题 {i}");
            await ProblemApi.Post(unit17, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("整改", new DateOnly(2026, 12, 1), p.Version));
            fresh.Add(p.Id);
        }
        var late = new DateTimeOffset(2026, 12, 31, 1, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(late);
        second.Clock.SetUtcNow(late);

        await Task.WhenAll(
            Task.Run(() => DeadlineJob.RunAsync(app.Services)), Task.Run(() => DeadlineJob.RunAsync(second.Services)),
            Task.Run(() => DeadlineJob.RunAsync(app.Services)), Task.Run(() => DeadlineJob.RunAsync(second.Services)));

        foreach (var id in fresh)
        {
            Assert.Equal([EscalationKind.Urge, EscalationKind.Supervise], (await app.EscalationsOf(id)).Select(e => e.Kind).Order());
        }
        var keys = await app.Db(db => db.Set<Escalation>().Where(e => e.Key!.StartsWith("problem:")).Select(e => e.Key!).ToListAsync());
        Assert.True(keys.Count > fresh.Count * 2); // the demo county's overdue problems fired too
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // Every recipient got each escalation's message exactly once.
        var counts = await app.Db(db => db.Set<Notification>().Where(n => n.Title.StartsWith("督办：问题") || n.Title.StartsWith("催办："))
            .GroupBy(n => new { n.UserId, n.Title }).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Equal(1, c));
    }
}
