using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Enterprises;

internal static class EnterpriseEndpoints
{
    public static void MapEnterprises(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("企业").RequireAuthorization();

        g.MapGet("/", async ([AsParameters] EnterpriseQuery q, SunlightDbContext db, CancellationToken ct) =>
        {
            var limit = Paging.Limit(q.Limit);
            var rows = await ListPage(db, q, limit).ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, limit, r => r.Id));
        }).WithSummary("企业列表（按名称/信用代码搜索、按行业筛选，键集分页）");

        g.MapGet("/{id:long}", async Task<Results<Ok<EnterpriseDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                ? TypedResults.Ok(EnterpriseDto.From(e))
                : ApiErrors.NotFound("企业"))
            .WithSummary("企业详情");

        g.MapPost("/", async Task<Results<Created<EnterpriseDto>, ValidationProblem>> (EnterpriseInput input, SaveEnterprise save, CancellationToken ct) =>
        {
            var r = await save.CreateAsync(input, ct);
            return r.Value is { } e
                ? TypedResults.Created($"/api/v1/enterprises/{e.Id}", EnterpriseDto.From(e))
                : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(RegistryPolicies.Edit).WithSummary("登记企业");

        g.MapPut("/{id:long}", async Task<Results<Ok<EnterpriseDto>, ValidationProblem, ProblemHttpResult>> (long id, EnterpriseInput input, SaveEnterprise save, CancellationToken ct) =>
        {
            var r = await save.UpdateAsync(id, input, ct);
            if (r.NotFound)
            {
                return ApiErrors.NotFound("企业");
            }
            return r.Value is { } e ? TypedResults.Ok(EnterpriseDto.From(e)) : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改企业（需提交 version，冲突时返回 409）");
    }

    /// <summary>One keyset page of the list (limit + 1 rows, so the caller knows whether a next page exists).</summary>
    internal static IQueryable<EnterpriseDto> ListPage(SunlightDbContext db, EnterpriseQuery q, int limit) =>
        EnterpriseList.Filter(db.Enterprises.AsNoTracking(), q)
            .Where(e => q.After == null || e.Id > q.After)
            .OrderBy(e => e.Id).Take(limit + 1)
            .Select(e => new EnterpriseDto(e.Id, e.Uscc, e.Name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.RegionCode, e.Version));
}
