using System.Threading.Channels;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Intake;

/// <summary>
/// Group commit for public intake. Requests queue their complaint; one writer takes whatever has queued, commits it in
/// one transaction (rows and audit entries together) and only then completes each request — so a 201 still means the
/// complaint is on disk, but N waiting submissions cost one commit and one audit-chain lock instead of N.
/// A batch that fails is retried row by row, so one bad row fails only its own request.
/// </summary>
internal sealed class IntakeWriter(IServiceScopeFactory scopes, ILogger<IntakeWriter> log) : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private static readonly CallerScope Public = CallerScope.ForActor("公众（投诉人）");

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _loop;

    private sealed record Pending(Complaint Complaint, TaskCompletionSource Done);

    public Task WriteAsync(Complaint complaint, CancellationToken ct)
    {
        EnsureStarted();
        var pending = new Pending(complaint, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("投诉写入队列已关闭。");
        }
        // The caller may stop waiting, but the commit is not cancelled: it may already be on its way to disk.
        return pending.Done.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }
        lock (_gate)
        {
            if (_loop is null)
            {
                // The loop must not inherit the first request's HttpContext (and with it that caller's scope).
                using (ExecutionContext.SuppressFlow())
                {
                    _loop = Task.Run(RunAsync);
                }
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }
            try
            {
                await CommitAsync(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var p in batch)
                {
                    try
                    {
                        await CommitAsync([p]);
                        p.Done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        log.LogError(e, "投诉写入失败");
                        p.Done.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "投诉写入失败");
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        await using var db = PublicContext(scope.ServiceProvider);
        await CommitRowsAsync(db, batch.Select(p => p.Complaint).ToList(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>A context of the provider in use that writes as the public (the batch is no request's).</summary>
    internal static SunlightDbContext PublicContext(IServiceProvider services) =>
        (SunlightDbContext)ActivatorUtilities.CreateInstance(services, services.GetRequiredService<SunlightDbContext>().GetType(), Public);

    /// <summary>
    /// One durable commit of new complaints with their timeline lines and audit entries (prepared inserts, no change
    /// tracking). Also the bench's durable-limit baseline (bench `intake`, <c>ratioToDurableLimit</c>).
    /// </summary>
    internal static async Task CommitRowsAsync(SunlightDbContext db, List<Complaint> rows, DateTimeOffset now)
    {
        // Rows and their audit entries in one transaction, written with prepared inserts rather than change tracking:
        // this path is the public intake's throughput (see bench `intake`), and a batch has only new rows.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var complaints = new RowInserter<Complaint>(db);
        var events = new RowInserter<ComplaintEvent>(db);
        var attachments = new RowInserter<ComplaintAttachment>(db);
        rows.ForEach(c => c.Version = Guid.NewGuid());
        await complaints.InsertAllAsync(rows, CancellationToken.None);
        foreach (var c in rows)
        {
            c.Events.ForEach(e => e.ComplaintId = c.Id);
            c.Attachments.ForEach(a => a.ComplaintId = c.Id);
        }
        await events.InsertAllAsync(rows.SelectMany(c => c.Events).ToList(), CancellationToken.None);
        await attachments.InsertAllAsync(rows.SelectMany(c => c.Attachments).ToList(), CancellationToken.None);
        var audits = rows.Select(c => PendingAudit.Manual(nameof(Complaint), c.Id.ToString(CultureInfo.InvariantCulture), "Create", null, complaints.Snapshot(c))).ToList();
        var chained = await AuditChain.ChainAsync(db, audits, Public.ActorName, now, CancellationToken.None);
        await new RowInserter<AuditEntry>(db).InsertAllAsync(chained, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }
}
