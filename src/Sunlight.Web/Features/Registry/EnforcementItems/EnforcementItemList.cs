namespace Sunlight.Web.Features.Registry.EnforcementItems;

public sealed record EnforcementItemQuery(long? UnitId, EnforcementKind? Kind, string? Q, long? After, int? Limit);

/// <summary>The 执法事项 list filter, shared by the page, the API and the export.</summary>
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
}
