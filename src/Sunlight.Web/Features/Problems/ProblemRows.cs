using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>How a step loads the problem it changes.</summary>
internal static class ProblemRows
{
    /// <summary>Loads a problem the caller may see, tracked, with the version the editor saw (a stale one → 409 on save).</summary>
    public static async Task<Problem?> FindForEditAsync(this SunlightDbContext db, long id, Guid? version, CancellationToken ct)
    {
        var p = await db.Set<Problem>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is not null && version is { } v && v != Guid.Empty)
        {
            db.Entry(p).Property(x => x.Version).OriginalValue = v;
        }
        return p;
    }
}
