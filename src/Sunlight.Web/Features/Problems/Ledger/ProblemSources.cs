using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Ledger;

/// <summary>
/// The ledger read by where problems came from, for the features that raise them (a campaign counts its problems by
/// <c>SourceType</c>/<c>SourceId</c>): the one place another feature queries problems, in the caller's scope.
/// </summary>
internal static class ProblemSources
{
    public static IQueryable<Problem> ProblemsFrom(this SunlightDbContext db, string sourceType, long sourceId) =>
        db.Set<Problem>().Where(p => p.SourceType == sourceType && p.SourceId == sourceId);

    /// <summary>
    /// Attributes the not-yet-attributed problems of a category to a source record (the demo county's 三项制度 problems
    /// were found in its 2022 campaign); tracked, so each change is audited.
    /// </summary>
    public static async Task<int> AttributeAsync(this SunlightDbContext db, string category, string sourceType, long sourceId, CancellationToken ct)
    {
        var problems = await db.Set<Problem>().Where(p => p.Category == category && p.SourceType == null).ToListAsync(ct);
        foreach (var p in problems)
        {
            db.Entry(p).Property(x => x.SourceType).CurrentValue = sourceType;
            db.Entry(p).Property(x => x.SourceId).CurrentValue = sourceId;
        }
        return problems.Count;
    }
}
