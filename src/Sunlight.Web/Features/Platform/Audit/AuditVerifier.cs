using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>
/// Verifies the hash chain from the stored <see cref="AuditCheckpoint"/> forward and stores the result: only the
/// entries added since the last run are read. The last verified entry itself is re-checked (still there, same hash);
/// if it changed, the walk starts again from the first entry. <c>full</c> (the CLI's <c>--full</c>) always starts there,
/// which also finds tampering with entries verified earlier.
/// </summary>
internal sealed class AuditVerifier(SunlightDbContext db, TimeProvider clock)
{
    public async Task<AuditCheckpoint> RunAsync(bool full, CancellationToken ct)
    {
        var checkpoint = await db.Set<AuditCheckpoint>().SingleOrDefaultAsync(c => c.Id == AuditCheckpoint.SingletonId, ct);
        if (checkpoint is null)
        {
            checkpoint = new AuditCheckpoint();
            db.Add(checkpoint);
        }
        var cursor = full || !await AnchorHoldsAsync(checkpoint, ct)
            ? ChainCursor.Start()
            : new ChainCursor(checkpoint.VerifiedSequence, checkpoint.VerifiedEntryId, checkpoint.VerifiedHash);
        // Moving forward, progress is stored per batch (a first run over millions of entries survives a restart);
        // a walk from the start stores only its end, so the shown position never goes back meanwhile.
        var progressive = cursor.Sequence == checkpoint.VerifiedSequence;
        var broken = await AuditChain.WalkAsync(db, cursor, progressive ? () => StoreAsync(checkpoint, cursor, null, ct) : null, ct);
        await StoreAsync(checkpoint, cursor, broken, ct);
        return checkpoint;
    }

    private async Task<bool> AnchorHoldsAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        if (checkpoint.VerifiedSequence == 0)
        {
            return true;
        }
        var anchor = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Sequence == checkpoint.VerifiedSequence, ct);
        return anchor is not null && anchor.Hash == checkpoint.VerifiedHash && AuditChain.ComputeHash(anchor) == anchor.Hash;
    }

    private async Task StoreAsync(AuditCheckpoint checkpoint, ChainCursor cursor, (AuditEntry Entry, string Reason)? broken, CancellationToken ct)
    {
        checkpoint.VerifiedSequence = cursor.Sequence;
        checkpoint.VerifiedEntryId = cursor.EntryId;
        checkpoint.VerifiedHash = cursor.Hash;
        checkpoint.VerifiedAt = clock.GetUtcNow();
        checkpoint.Intact = broken is null;
        checkpoint.BrokenSequence = broken?.Entry.Sequence;
        checkpoint.BrokenEntryId = broken?.Entry.Id;
        checkpoint.Reason = broken?.Reason;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Verifies the entries added since the last run, every <see cref="Interval"/>; pages only read the result.</summary>
internal sealed class AuditVerifyJob(AuditVerifier verifier) : IScheduledJob
{
    public string Name => "audit-verify";
    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public Task RunAsync(CancellationToken ct) => verifier.RunAsync(full: false, ct);
}
