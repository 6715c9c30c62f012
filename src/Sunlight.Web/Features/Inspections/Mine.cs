using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

internal sealed record RatingRow(string Code, string UnitNames, string EnterpriseName, int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>The enterprise account's own inspections (with codes) and its ratings.</summary>
internal sealed record EnterpriseInspections(IReadOnlyList<InspectionRow> Inspections, IReadOnlyList<RatingRow> Ratings);

/// <summary>
/// Ratings are read by the Supervisor and by the enterprise that gave them, never by the inspected unit (no unit policy
/// reaches these reads). The enterprise account sees its own enterprise's rows only (the enterprise query filter).
/// </summary>
internal sealed class RatingQueries(SunlightDbContext db, InspectionQueries queries)
{
    public async Task<Page<RatingRow>> RatingsAsync(IQueryable<InspectionRating> ratings, long? after, int? limit, CancellationToken ct)
    {
        var page = await ratings.AsNoTracking().KeysetAsync(r => r.Id, true, after, limit, r => r, r => r.Id, ct);
        var rows = page.Items;
        var codes = rows.Select(r => r.Code).ToList();
        var single = await db.Set<Inspection>().AsNoTracking().Where(i => i.Code != null && codes.Contains(i.Code)).Select(i => new { Code = i.Code!, i.UnitId }).ToListAsync(ct);
        var joint = await db.Set<JointInspection>().AsNoTracking().Where(j => codes.Contains(j.Code)).Select(j => new { j.Code, Units = j.UnitIds }).ToListAsync(ct);
        var unitsByCode = single.Select(s => (s.Code, Units: new List<long> { s.UnitId })).Concat(joint.Select(j => (j.Code, j.Units))).ToDictionary(x => x.Code, x => x.Units);
        var names = await db.UnitNamesAsync(unitsByCode.Values.SelectMany(u => u).Select(u => (long?)u), ct);
        var enterprises = await queries.EnterpriseNamesAsync(rows.Select(r => r.EnterpriseId), ct);
        return page.Map(r => new RatingRow(r.Code, string.Join("、", unitsByCode.GetValueOrDefault(r.Code, []).Select(u => names.GetValueOrDefault(u, ""))),
            enterprises.GetValueOrDefault(r.EnterpriseId, ""), r.Score, r.Comment, r.RatedAt));
    }

    /// <summary>The caller's enterprise's inspections and ratings: the enterprise scope (<see cref="IEnterpriseLinked"/>) narrows both.</summary>
    public async Task<EnterpriseInspections> MineAsync(long? after, int? limit, CancellationToken ct)
    {
        var page = await queries.ListAsync(db.Set<Inspection>().AsNoTracking(), after, limit, ct);
        return new EnterpriseInspections(page.Items, (await RatingsAsync(db.Set<InspectionRating>(), null, Paging.MaxLimit, ct)).Items);
    }
}

internal static class MineEndpoints
{
    public static void MapMine(this RouteGroupBuilder inspections)
    {
        inspections.MapGet("/mine", (long? after, int? limit, RatingQueries q, CancellationToken ct) => q.MineAsync(after, limit, ct))
            .RequireAuthorization(InspectionPolicies.Enterprise).WithSummary("企业账号：本企业受检记录、检查码和评价");
        inspections.MapGet("/ratings", (long? after, int? limit, RatingQueries q, SunlightDbContext db, CancellationToken ct) => q.RatingsAsync(db.Set<InspectionRating>(), after, limit, ct))
            .RequireAuthorization(InspectionPolicies.Supervise).WithSummary("企业评价（仅监督机关可见）");
    }
}
