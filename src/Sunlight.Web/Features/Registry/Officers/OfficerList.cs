using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Officers;

internal sealed record OfficerQuery(long? UnitId, string? Q, bool? Auxiliary, bool? Expired, long? After, int? Limit);

/// <summary>The 执法人员 list, shared by the page, the API and the export: the filter and one keyset page (id ascending).</summary>
internal static class OfficerList
{
    internal static IQueryable<Officer> Filter(IQueryable<Officer> query, OfficerQuery q, DateOnly today)
    {
        if (q.UnitId is { } unit)
        {
            query = query.Where(o => o.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            query = query.Where(o => o.Name.Contains(q.Q) || o.Credentials.Any(c => c.Number.Contains(q.Q)));
        }
        if (q.Auxiliary is { } aux)
        {
            query = query.Where(o => o.IsAuxiliary == aux);
        }
        if (q.Expired == true)
        {
            query = query.Where(o => !o.IsAuxiliary && !o.Credentials.Any(c => c.ValidFrom <= today && c.ValidTo >= today));
        }
        return query;
    }

    /// <summary>One page of officers with their unit and credentials (the page shows them; the API maps them to DTOs).</summary>
    internal static Task<Page<Officer>> PageAsync(SunlightDbContext db, OfficerQuery q, DateOnly today, CancellationToken ct) =>
        Filter(db.Officers.AsNoTracking().Include(o => o.Unit).Include(o => o.Credentials), q, today)
            .KeysetAsync(o => o.Id, false, q.After, q.Limit, o => o, o => o.Id, ct);
}
