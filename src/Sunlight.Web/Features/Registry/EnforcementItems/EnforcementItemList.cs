using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

internal sealed record EnforcementItemQuery(long? UnitId, EnforcementKind? Kind, string? Q, long? After, int? Limit);

/// <summary>The 执法事项 list, shared by the page, the API and the export: the filter and one keyset page (id ascending).</summary>
internal static class EnforcementItemList
{
    internal static IQueryable<EnforcementItem> Filter(IQueryable<EnforcementItem> query, EnforcementItemQuery q)
    {
        if (q.UnitId is { } unit)
        {
            query = query.Where(i => i.UnitId == unit);
        }
        if (q.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            query = query.Where(i => i.Name.Contains(term) || i.Code.Contains(term));
        }
        return query;
    }

    internal static Task<Page<EnforcementItemDto>> PageAsync(SunlightDbContext db, EnforcementItemQuery q, CancellationToken ct) =>
        Filter(db.EnforcementItems, q).KeysetAsync(i => i.Id, false, q.After, q.Limit,
            i => new EnforcementItemDto(i.Id, i.UnitId, i.Unit!.Name, i.Code, i.Name, i.Kind, i.LegalBasis, i.Version), i => i.Id, ct);
}
