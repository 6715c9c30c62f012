using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.InspectionItems;

internal static class InspectionItemEndpoints
{
    public static void MapInspectionItems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspection-items").WithTags("检查事项").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] InspectionItemQuery q, SunlightDbContext db, CancellationToken ct) =>
        {
            var limit = Paging.Limit(q.Limit);
            var rows = await InspectionItemList.Filter(db.InspectionItems.AsNoTracking(), q)
                .Where(i => q.After == null || i.Id > q.After)
                .OrderBy(i => i.Id).Take(limit + 1)
                .Include(i => i.Unit)
                .ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows.Select(InspectionItemDto.From).ToList(), limit, i => i.Id));
        }).WithSummary("检查事项清单（按单位筛选，按编码/名称搜索，键集分页）");

        g.MapGet("/{id:long}", async Task<Results<Ok<InspectionItemDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.InspectionItems.AsNoTracking().Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct) is { } item
                ? TypedResults.Ok(InspectionItemDto.From(item))
                : ApiErrors.NotFound("检查事项"))
            .WithSummary("检查事项详情");

        g.MapPost("/", async Task<Results<Created<InspectionItemDto>, ValidationProblem, ProblemHttpResult>> (InspectionItemInput input, SaveInspectionItem save, CancellationToken ct) =>
        {
            var r = await save.CreateAsync(input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("执法单位"),
                { Value: { } item } => TypedResults.Created($"/api/v1/inspection-items/{item.Id}", InspectionItemDto.From(item)),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<InspectionItemInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增检查事项");

        g.MapPut("/{id:long}", async Task<Results<Ok<InspectionItemDto>, ValidationProblem, ProblemHttpResult>> (long id, InspectionItemInput input, SaveInspectionItem save, CancellationToken ct) =>
        {
            var r = await save.UpdateAsync(id, input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("检查事项"),
                { Value: { } item } => TypedResults.Ok(InspectionItemDto.From(item)),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<InspectionItemInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改检查事项（需提交 version，冲突时返回 409）");
    }
}
