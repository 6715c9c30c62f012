using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Units;

internal sealed record UnitQuery(string? Q, long? After, int? Limit);

/// <summary>The 执法单位 list, shared by the page, the API and the export: the filter and one keyset page (id ascending).</summary>
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

    internal static Task<Page<UnitDto>> PageAsync(SunlightDbContext db, UnitQuery q, CancellationToken ct) =>
        Filter(db.Units, q.Q).KeysetAsync(u => u.Id, false, q.After, q.Limit,
            u => new UnitDto(u.Id, u.Code, u.Name, u.Kind, u.Uscc, u.Address, u.Phone, u.Head, u.IsActive, u.RegionCode, u.Version), u => u.Id, ct);
}
