using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

internal static class EnforcementItemEndpoints
{
    public static void MapEnforcementItems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enforcement-items").WithTags("执法事项").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] EnforcementItemQuery q, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await EnforcementItemList.PageAsync(db, q, ct)))
            .WithSummary("执法事项列表（按单位、类别筛选，按编码/名称搜索，键集分页 after/limit，含总数）");

        g.MapGet("/{id:long}", async Task<Results<Ok<EnforcementItemDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.EnforcementItems.AsNoTracking().Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct) is { } item
                ? TypedResults.Ok(EnforcementItemDto.From(item))
                : ApiErrors.NotFound("执法事项"))
            .WithSummary("执法事项详情");

        g.MapSaveEnforcementItem();
    }
}
