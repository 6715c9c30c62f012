namespace Sunlight.Web.Features.Registry.Units;

/// <summary>The 执法单位 list filter, shared by the page, the API and the export.</summary>
internal static class UnitList
{
    internal static IQueryable<EnforcementUnit> Filter(IQueryable<EnforcementUnit> query, string? q)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Name.Contains(term) || u.Code.Contains(term));
        }
        return query;
    }
}
