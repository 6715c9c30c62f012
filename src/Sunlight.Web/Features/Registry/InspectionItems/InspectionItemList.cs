namespace Sunlight.Web.Features.Registry.InspectionItems;

public sealed record InspectionItemQuery(long? UnitId, string? Q, long? After, int? Limit);

/// <summary>The 检查事项 list filter, shared by the page, the API and the export.</summary>
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
}
