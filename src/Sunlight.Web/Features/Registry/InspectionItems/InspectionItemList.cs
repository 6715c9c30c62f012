using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.InspectionItems;

internal sealed record InspectionItemQuery(long? UnitId, string? Q, long? After, int? Limit);

/// <summary>The 检查事项 list, shared by the page, the API and the export: the filter and one keyset page (id ascending).</summary>
internal static class InspectionItemList
{
    internal static IQueryable<InspectionItem> Filter(IQueryable<InspectionItem> query, InspectionItemQuery q)
    {
        if (q.UnitId is { } unit)
        {
            query = query.Where(i => i.UnitId == unit);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            query = query.Where(i => i.Name.Contains(term) || i.Code.Contains(term));
        }
        return query;
    }

    internal static Task<Page<InspectionItemDto>> PageAsync(SunlightDbContext db, InspectionItemQuery q, CancellationToken ct) =>
        Filter(db.InspectionItems, q).KeysetAsync(i => i.Id, false, q.After, q.Limit,
            i => new InspectionItemDto(i.Id, i.UnitId, i.Unit!.Name, i.Code, i.Name, i.LegalBasis, i.Method, i.Version), i => i.Id, ct);
}
