using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Draws;

internal sealed record DrawnEnterprise(string Uscc, string Name);

internal sealed record DrawnOfficer(string Name, string CredentialNumber);

/// <summary>A draw as the public sees it: the inputs, the seed, the pool, the result once published, and whether the published inputs reproduce it.</summary>
internal sealed record PublicDraw(long Id, string UnitName, string Title, DateOnly DrawDate, string? Industry, string PublicNonce, int TargetCount,
    int InspectorCount, int PoolSize, string Seed, IReadOnlyList<string> PoolUsccs, IReadOnlyList<DrawnEnterprise> Enterprises,
    IReadOnlyList<DrawnOfficer> Officers, bool Reproduced, string? ResultSummary, DateOnly? ResultsPublishedOn);

/// <summary>双随机一公开 is public: anyone reads a draw by its number and sees it recomputed from what was published.</summary>
internal sealed class DrawQueries(SunlightDbContext db)
{
    public async Task<PublicDraw?> PublicAsync(long id, CancellationToken ct)
    {
        var d = await db.PublicLookup<RandomDraw>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }
        var unit = await db.PublicUnits().FirstAsync(u => u.Id == d.UnitId, ct);
        var pool = await db.PublicLookup<Registry.Enterprise>().Where(e => d.PoolIds.Contains(e.Id)).Select(e => new { e.Id, e.Uscc, e.Name }).ToListAsync(ct);
        var officers = await db.PublicLookup<Registry.Officer>().Where(o => d.EligibleOfficerIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, Numbers = o.Credentials.Where(c => c.ValidFrom <= d.DrawDate && d.DrawDate <= c.ValidTo).Select(c => c.Number).ToList() })
            .ToListAsync(ct);
        var poolCandidates = pool.Select(p => new DrawInspection.Candidate(p.Id, p.Uscc)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var officerCandidates = officers.Where(o => o.Numbers.Count > 0)
            .Select(o => new DrawInspection.Candidate(o.Id, o.Numbers.Order(StringComparer.Ordinal).First())).ToList();
        var seed = DrawInspection.Seed(d, unit.Code, poolCandidates);
        var reproduced = seed == d.Seed
            && DrawInspection.Pick(seed, poolCandidates, d.TargetCount).SequenceEqual(d.EnterpriseIds)
            && DrawInspection.Pick(seed, officerCandidates, d.InspectorCount).SequenceEqual(d.OfficerIds);
        return new PublicDraw(d.Id, unit.Name, d.Title, d.DrawDate, d.Industry, d.PublicNonce, d.TargetCount, d.InspectorCount, d.PoolSize, d.Seed,
            poolCandidates.Select(c => c.Key).ToList(),
            d.EnterpriseIds.Select(id => pool.First(p => p.Id == id)).Select(p => new DrawnEnterprise(p.Uscc, p.Name)).ToList(),
            d.OfficerIds.Select(id => officerCandidates.First(o => o.Id == id)).Select(o => new DrawnOfficer(officers.First(x => x.Id == o.Id).Name, o.Key)).ToList(),
            reproduced, d.ResultsPublishedOn is null ? null : d.ResultSummary, d.ResultsPublishedOn);
    }

    /// <summary>The county's draws, newest first (public).</summary>
    public Task<List<RandomDraw>> RecentAsync(CancellationToken ct) =>
        db.PublicLookup<RandomDraw>().AsNoTracking().OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);

    /// <summary>Which of <paramref name="ids"/> the caller's scope reaches (the draws whose results the caller may publish).</summary>
    public async Task<HashSet<long>> InScopeAsync(IReadOnlyList<long> ids, CancellationToken ct) =>
        [.. await db.Set<RandomDraw>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)];
}

internal static class DrawEndpoints
{
    public static void MapDraws(this RouteGroupBuilder inspections)
    {
        inspections.MapPost("/draws", (DrawInput? input, DrawInspection draw, DrawQueries q, CancellationToken ct) =>
                draw.RunAsync(input, ct).ToHttpAsync(async d => TypedResults.Created($"/api/v1/inspections/draws/{d.Id}", (await q.PublicAsync(d.Id, ct))!), "抽查"))
            .RequireAuthorization(InspectionPolicies.Conduct).WithSummary("双随机抽取（I-DRAWSIZE：抽取数超过对象库或合格人员）");
        inspections.MapGet("/draws/{id:long}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PublicDraw>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (long id, DrawQueries q, CancellationToken ct) =>
                await q.PublicAsync(id, ct) is { } d ? TypedResults.Ok(d) : Infrastructure.Api.ApiErrors.NotFound("抽查"))
            .AllowAnonymous().WithSummary("双随机抽查结果（公开，可据公开输入复算）");
    }
}
