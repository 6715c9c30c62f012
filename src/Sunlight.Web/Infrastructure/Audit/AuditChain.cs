using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Audit;

/// <summary>
/// A change seen before SaveChanges; its "after" image is read once the database has assigned keys.
/// A manual entry (<see cref="Manual"/>) has no tracked row: it records an action on something that is not
/// <see cref="IAuditable"/> (e.g. an administrator locking a user account).
/// </summary>
internal sealed class PendingAudit
{
    private readonly string? _entityType;
    private readonly string? _entityId;

    public PendingAudit(EntityEntry entry, string action, string? before, string? after)
    {
        Entry = entry;
        Action = action;
        Before = before;
        After = after;
    }

    private PendingAudit(string entityType, string entityId, string action, string? before, string? after)
    {
        _entityType = entityType;
        _entityId = entityId;
        Action = action;
        Before = before;
        After = after;
    }

    public static PendingAudit Manual(string entityType, string entityId, string action, string? before, string? after) =>
        new(entityType, entityId, action, before, after);

    public EntityEntry? Entry { get; }
    public string Action { get; }
    public string? Before { get; }
    public string? After { get; }

    public string EntityType => Entry?.Metadata.ClrType.Name ?? _entityType!;
    public string EntityId => Entry is null ? _entityId! : AuditCapture.EntityKey(Entry);
    public string? AfterImage => Entry is not null && Action == "Create" ? AuditCapture.Snapshot(Entry) : After;
}

/// <summary>
/// A secret (a PIN hash, a token, the encrypted identity) never enters an audit snapshot: the entry records that it was
/// set or changed, not its value — the log is read by Observers, and a hash in it can be searched offline.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AuditSecretAttribute : Attribute;

internal static class AuditCapture
{
    public const string Hidden = "（保密字段，不记录内容）";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty, bool> Secrets = new();

    /// <summary>What a snapshot shows of a property's value: the value, or <see cref="Hidden"/> for a secret that is set.</summary>
    public static object? Shown(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property, object? value) =>
        value is null || !Secrets.GetOrAdd(property, p => p.PropertyInfo?.IsDefined(typeof(AuditSecretAttribute), true) == true) ? value : Hidden;

    // Enums as their names (State = "Assigned", not 4): the log is read by people (纪委, 检察院), not only by code.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IAuditable))
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new PendingAudit(entry, "Create", null, null));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0)
                    {
                        break;
                    }
                    var action = entry.Entity is IHasState && changed.Any(p => p.Metadata.Name == "State") ? "StateChange" : "Update";
                    pending.Add(new PendingAudit(entry, action,
                        Serialize(changed.ToDictionary(p => p.Metadata.Name, p => Shown(p.Metadata, p.OriginalValue))),
                        Serialize(changed.ToDictionary(p => p.Metadata.Name, p => Shown(p.Metadata, p.CurrentValue)))));
                    break;
                case EntityState.Deleted:
                    pending.Add(new PendingAudit(entry, "Delete",
                        Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => Shown(p.Metadata, p.OriginalValue))), null));
                    break;
            }
        }
        return pending;
    }

    public static string Snapshot(EntityEntry entry) =>
        Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => Shown(p.Metadata, p.CurrentValue)));

    public static string EntityKey(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue switch
        {
            // Dates as people and filters write them (a CalendarDay's key), not in the invariant culture's US order.
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        }));

    public static string Serialize(IReadOnlyDictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);
}

/// <summary>Marks entities whose "State" property is a workflow state, so changes to it are audited as state changes.</summary>
internal interface IHasState
{
}

internal static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static async Task AppendAsync(SunlightDbContext db, IReadOnlyList<PendingAudit> pending, string actor, DateTimeOffset now, CancellationToken ct)
    {
        db.AuditEntries.AddRange(await ChainAsync(db, pending, actor, now, ct));
        await db.SaveWithoutAuditAsync(ct);
    }

    /// <summary>
    /// Takes the chain lock (inside the caller's transaction) and returns the next entries, hashed and linked to the
    /// last stored one; the caller stores them in the same transaction.
    /// </summary>
    public static async Task<List<AuditEntry>> ChainAsync(SunlightDbContext db, IReadOnlyList<PendingAudit> pending, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockAuditChainAsync(ct);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? Genesis;
        // Milliseconds survive every provider's timestamp type, so the hash can be recomputed from stored values.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var entries = new List<AuditEntry>(pending.Count);
        foreach (var p in pending)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = at,
                Actor = actor,
                EntityType = p.EntityType,
                EntityId = p.EntityId,
                Action = p.Action,
                Before = p.Before,
                After = p.AfterImage,
                PreviousHash = previous,
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    public static string ComputeHash(AuditEntry e)
    {
        var content = string.Join('\u001f',
            e.PreviousHash,
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            e.Actor, e.EntityType, e.EntityId, e.Action, e.Before ?? "", e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Walks the whole chain in order; returns null when intact, else the first broken entry and why.</summary>
    public static async Task<(AuditEntry Entry, string Reason)?> VerifyAsync(SunlightDbContext db, CancellationToken ct) =>
        await WalkAsync(db, ChainCursor.Start(), null, ct);

    private const int WalkBatch = 5_000;

    /// <summary>
    /// Checks the entries after <paramref name="cursor"/> in order, in keyset batches (memory stays flat at any size),
    /// advancing the cursor over every intact entry; <paramref name="afterBatch"/> may store the progress.
    /// Returns null when the rest of the chain is intact, else the first broken entry and why.
    /// </summary>
    public static async Task<(AuditEntry Entry, string Reason)?> WalkAsync(SunlightDbContext db, ChainCursor cursor,
        Func<Task>? afterBatch, CancellationToken ct)
    {
        while (true)
        {
            var after = cursor.Sequence;
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(WalkBatch).ToListAsync(ct);
            foreach (var e in batch)
            {
                if (cursor.Advance(e) is { } reason)
                {
                    return (e, reason);
                }
            }
            if (batch.Count < WalkBatch)
            {
                return null;
            }
            if (afterBatch is not null)
            {
                await afterBatch();
            }
        }
    }
}

/// <summary>The last entry known to be intact (sequence 0 and the genesis hash before the first entry).</summary>
internal sealed class ChainCursor(long sequence, long? entryId, string hash)
{
    public static ChainCursor Start() => new(0, null, AuditChain.Genesis);

    public long Sequence { get; private set; } = sequence;
    public long? EntryId { get; private set; } = entryId;
    public string Hash { get; private set; } = hash;

    /// <summary>Moves onto <paramref name="e"/> when it follows on intact; otherwise returns why it does not.</summary>
    public string? Advance(AuditEntry e)
    {
        if (e.Sequence != Sequence + 1)
        {
            return $"序号不连续：应为 {Sequence + 1}，实为 {e.Sequence}（有记录被删除）";
        }
        if (e.PreviousHash != Hash)
        {
            return "前一条哈希不匹配（链被改动）";
        }
        if (AuditChain.ComputeHash(e) != e.Hash)
        {
            return "内容哈希不匹配（记录被篡改）";
        }
        Sequence = e.Sequence;
        EntryId = e.Id;
        Hash = e.Hash;
        return null;
    }
}
