using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Units;

internal static class UnitEndpoints
{
    public static void MapUnits(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("执法单位").RequireAuthorization();

        g.MapGet("/", async ([AsParameters] UnitQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await UnitList.PageAsync(db, q, ct)))
            .WithSummary("执法单位列表（按名称/编码搜索，键集分页 after/limit，含总数；UnitStaff 只看到本单位）");

        g.MapGet("/{id:long}", async Task<Results<Ok<UnitDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
                ? TypedResults.Ok(UnitDto.From(u))
                : ApiErrors.NotFound("执法单位"))
            .WithSummary("执法单位详情");

        g.MapSaveUnit();
    }
}
