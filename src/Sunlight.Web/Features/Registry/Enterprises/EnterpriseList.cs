using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

internal sealed record EnterpriseQuery(string? Q, string? Industry, long? After, int? Limit);

/// <summary>The 企业 list filter, shared by the page, the API and the export.</summary>
internal static class EnterpriseList
{
    internal static IQueryable<Enterprise> Filter(IQueryable<Enterprise> query, EnterpriseQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(term) || e.Uscc.StartsWith(upper));
        }
        if (!string.IsNullOrWhiteSpace(q.Industry))
        {
            query = query.Where(e => e.Industry == q.Industry);
        }
        return query;
    }

    /// <summary>
    /// One keyset page with the filtered total. The rows come from <see cref="EnterpriseEndpoints.ListPage"/>, the query the
    /// registry-list benchmark measures, so the page, the API and the benchmark run the same SQL.
    /// </summary>
    internal static async Task<Page<EnterpriseDto>> PageAsync(SunlightDbContext db, EnterpriseQuery q, CancellationToken ct)
    {
        var limit = Paging.Limit(q.Limit);
        var rows = await EnterpriseEndpoints.ListPage(db, q, limit).ToListAsync(ct);
        return Paging.ToPage(rows, limit, r => r.Id, await Filter(db.Enterprises, q).CappedCountAsync(ct));
    }
}
