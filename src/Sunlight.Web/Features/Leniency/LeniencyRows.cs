using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency;

/// <summary>How steps load what they change, and the caller's own unit.</summary>
internal static class LeniencyRows
{
    /// <summary>A row the caller may see, tracked, with the version the editor saw (a stale one → 409 on save).</summary>
    public static async Task<T?> FindForEditAsync<T>(this IQueryable<T> rows, long id, Guid? version, SunlightDbContext db, CancellationToken ct)
        where T : class, IVersioned
    {
        var row = await rows.FirstOrDefaultAsync(x => EF.Property<long>(x, "Id") == id, ct);
        if (row is not null && version is { } v && v != Guid.Empty)
        {
            db.Entry(row).Property(x => x.Version).OriginalValue = v;
        }
        return row;
    }

    /// <summary>The caller's own enforcement unit (UnitStaff), or null.</summary>
    public static Task<EnforcementUnit?> OwnUnitAsync(this SunlightDbContext db, CancellationToken ct) =>
        db.Scope.UnitId is { } id ? db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : Task.FromResult<EnforcementUnit?>(null);
}
