using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.InspectionItems;

internal static class InspectionItemEndpoints
{
    public static void MapInspectionItems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspection-items").WithTags("检查事项").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] InspectionItemQuery q, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await InspectionItemList.PageAsync(db, q, ct)))
            .WithSummary("检查事项清单（按单位筛选，按编码/名称搜索，键集分页 after/limit，含总数）");

        g.MapGet("/{id:long}", async Task<Results<Ok<InspectionItemDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.InspectionItems.AsNoTracking().Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct) is { } item
                ? TypedResults.Ok(InspectionItemDto.From(item))
                : ApiErrors.NotFound("检查事项"))
            .WithSummary("检查事项详情");

        g.MapSaveInspectionItem();
    }
}
