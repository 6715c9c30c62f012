using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

internal static class EnforcementItemEndpoints
{
    public static void MapEnforcementItems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enforcement-items").WithTags("执法事项").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] EnforcementItemQuery q, SunlightDbContext db, CancellationToken ct) =>
        {
            var limit = Paging.Limit(q.Limit);
            var rows = await EnforcementItemList.Filter(db.EnforcementItems.AsNoTracking(), q)
                .Where(i => q.After == null || i.Id > q.After)
                .OrderBy(i => i.Id).Take(limit + 1)
                .Include(i => i.Unit)
                .ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows.Select(EnforcementItemDto.From).ToList(), limit, i => i.Id));
        }).WithSummary("执法事项列表（按单位、类别筛选，按编码/名称搜索，键集分页）");

        g.MapGet("/{id:long}", async Task<Results<Ok<EnforcementItemDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.EnforcementItems.AsNoTracking().Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct) is { } item
                ? TypedResults.Ok(EnforcementItemDto.From(item))
                : ApiErrors.NotFound("执法事项"))
            .WithSummary("执法事项详情");

        g.MapPost("/", async Task<Results<Created<EnforcementItemDto>, ValidationProblem, ProblemHttpResult>> (EnforcementItemInput input, SaveEnforcementItem save, CancellationToken ct) =>
        {
            var r = await save.CreateAsync(input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("执法单位"),
                { Value: { } item } => TypedResults.Created($"/api/v1/enforcement-items/{item.Id}", EnforcementItemDto.From(item)),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<EnforcementItemInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增执法事项");

        g.MapPut("/{id:long}", async Task<Results<Ok<EnforcementItemDto>, ValidationProblem, ProblemHttpResult>> (long id, EnforcementItemInput input, SaveEnforcementItem save, CancellationToken ct) =>
        {
            var r = await save.UpdateAsync(id, input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("执法事项"),
                { Value: { } item } => TypedResults.Ok(EnforcementItemDto.From(item)),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<EnforcementItemInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改执法事项（需提交 version，冲突时返回 409）");
    }
}
