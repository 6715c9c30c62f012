using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Categories;

/// <summary>
/// Active category codes → ids, kept in memory for public intake (a database read per submission was a large share of
/// its cost). Edits on this instance refresh it at once; edits made on another instance are seen within a minute.
/// </summary>
internal sealed class ActiveCategories(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, long> Ids, DateTimeOffset LoadedAt);

    public async Task<long?> FindAsync(SunlightDbContext db, string code, CancellationToken ct)
    {
        var s = _snapshot;
        if (s is null || clock.GetUtcNow() - s.LoadedAt > MaxAge)
        {
            var ids = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive)
                .ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.Ordinal, ct);
            s = new Snapshot(ids, clock.GetUtcNow());
            _snapshot = s;
        }
        return s.Ids.TryGetValue(code, out var id) ? id : null;
    }

    public void Invalidate() => _snapshot = null;
}
