using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Officers;

internal sealed record CredentialDto(string Number, string Category, DateOnly ValidFrom, DateOnly ValidTo, bool ValidToday);

internal sealed record OfficerDto(long Id, long UnitId, string UnitName, string Name, string? Position, bool IsAuxiliary, bool IsActive, bool QualifiedToday, IReadOnlyList<CredentialDto> Credentials, Guid Version);

internal static class OfficerEndpoints
{
    public static void MapOfficers(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/officers").WithTags("执法人员").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] OfficerQuery q, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            var page = await OfficerList.PageAsync(db, q, today, ct);
            return TypedResults.Ok(page.Map(o => ToDto(o, today)));
        })
            .WithSummary("执法人员列表（按单位、姓名、辅助人员、证件过期筛选，键集分页 after/limit，含总数）");

        g.MapGet("/{id:long}", async Task<Results<Ok<OfficerDto>, ProblemHttpResult>> (long id, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            await db.Officers.AsNoTracking().Include(o => o.Unit).Include(o => o.Credentials).FirstOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? TypedResults.Ok(ToDto(o, ChinaTime.Today(clock)))
                : ApiErrors.NotFound("执法人员"))
            .WithSummary("执法人员详情");

        g.MapSaveOfficer();
    }

    internal static OfficerDto ToDto(Officer o, DateOnly today) => new(o.Id, o.UnitId, o.Unit?.Name ?? "", o.Name, o.Position, o.IsAuxiliary, o.IsActive,
        o.IsQualifiedOn(today),
        o.Credentials.OrderBy(c => c.ValidTo).Select(c => new CredentialDto(c.Number, c.Category, c.ValidFrom, c.ValidTo, c.IsValidOn(today))).ToList(),
        o.Version);
}

