using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Jobs;

/// <summary>
/// A recurring background job. Jobs must be idempotent: the lease below keeps two instances from running the same job
/// at once, and each job's effects are keyed (unique indexes) so a crash between lease and commit never doubles them.
/// </summary>
internal interface IScheduledJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(CancellationToken ct);
}

/// <summary>Who runs a job right now; a row per job name.</summary>
internal sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset LeaseUntil { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Holder).HasMaxLength(100);
    }
}

/// <summary>Runs every <see cref="IScheduledJob"/> on its interval when <c>Sunlight:Jobs:Enabled</c> is true (the default).</summary>
internal sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<JobRunner> log) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Sunlight:Jobs:Enabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.GetValue("Sunlight:Jobs:TickSeconds", 30)), clock);
        var lastRun = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        do
        {
            using var scope = scopes.CreateScope();
            foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
            {
                var now = clock.GetUtcNow();
                if (lastRun.TryGetValue(job.Name, out var last) && now - last < job.Interval)
                {
                    continue;
                }
                lastRun[job.Name] = now;
                try
                {
                    await RunIfLeasedAsync(scope.ServiceProvider, job, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "后台任务 {Job} 执行失败", job.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes the job's lease (atomically, so one instance wins) and runs the job; returns whether it ran.</summary>
    public async Task<bool> RunIfLeasedAsync(IServiceProvider services, IScheduledJob job, CancellationToken ct)
    {
        var db = services.GetRequiredService<SunlightDbContext>();
        var now = clock.GetUtcNow();
        var until = now + job.Interval + TimeSpan.FromMinutes(1);
        if (!await db.Set<JobLease>().AnyAsync(l => l.Name == job.Name, ct))
        {
            try
            {
                db.Set<JobLease>().Add(new JobLease { Name = job.Name, Holder = "", LeaseUntil = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first.
            }
            db.ChangeTracker.Clear();
        }
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job.Name && (l.LeaseUntil < now || l.Holder == _holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _holder).SetProperty(l => l.LeaseUntil, until).SetProperty(l => l.LastRunAt, now), ct);
        if (taken == 0)
        {
            return false;
        }
        await job.RunAsync(ct);
        return true;
    }
}
