namespace Sunlight.Web.Features.Registry.Enterprises;

public sealed record EnterpriseQuery(string? Q, string? Industry, long? After, int? Limit);

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
}
