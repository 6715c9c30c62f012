using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

internal static class EnterpriseEndpoints
{
    public static void MapEnterprises(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("企业").RequireAuthorization();

        g.MapGet("/", async ([AsParameters] EnterpriseQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await EnterpriseList.PageAsync(db, q, ct)))
            .WithSummary("企业列表（按名称/信用代码搜索、按行业筛选，键集分页 after/limit，含总数）");

        g.MapGet("/{id:long}", async Task<Results<Ok<EnterpriseDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                ? TypedResults.Ok(EnterpriseDto.From(e))
                : ApiErrors.NotFound("企业"))
            .WithSummary("企业详情");

        g.MapEditEnterprise();
    }

    /// <summary>One keyset page of the list (limit + 1 rows, so the caller knows whether a next page exists).</summary>
    internal static IQueryable<EnterpriseDto> ListPage(SunlightDbContext db, EnterpriseQuery q, int limit) =>
        EnterpriseList.Filter(db.Enterprises.AsNoTracking(), q)
            .Where(e => q.After == null || e.Id > q.After)
            .OrderBy(e => e.Id).Take(limit + 1)
            .Select(e => new EnterpriseDto(e.Id, e.Uscc, e.Name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.RegionCode, e.Version));
}
