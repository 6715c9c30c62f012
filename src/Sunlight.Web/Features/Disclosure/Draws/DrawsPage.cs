using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.Draws;

/// <summary>A random draw as listed: what was drawn from what, and its inspection results once published.</summary>
internal sealed record PublicDrawRow(long Id, long UnitId, string UnitName, string Title, DateOnly DrawDate, string? Industry, int PoolSize,
    int TargetCount, int InspectorCount, string? ResultSummary, DateOnly? ResultsPublishedOn) : IUnitRow<PublicDrawRow>
{
    public PublicDrawRow Named(string unitName) => this with { UnitName = unitName };
}

/// <summary>
/// <c>/Disclosure/Draws</c>: 双随机一公开 — the county's draws, newest first, each opening its public record
/// (<c>/Public/Inspections/Draws/{id}</c>: the seed, the pool, whether the published inputs reproduce it).
/// </summary>
[AllowAnonymous]
internal sealed class DrawsModel(SunlightDbContext db, IConfiguration config) : DisclosurePage(db, config)
{
    public Page<PublicDrawRow> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await PageAsync(Db.PublishedDraws(Region), d => d.Id, true, d => new PublicDrawRow(d.Id, d.UnitId, "", d.Title, d.DrawDate, d.Industry, d.PoolSize,
            d.TargetCount, d.InspectorCount, d.ResultsPublishedOn == null ? null : d.ResultSummary, d.ResultsPublishedOn), ct);
}
