using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.Units;

/// <summary>One unit as published: its name and address, the kinds of its duties, and how many items and officers it lists.</summary>
internal sealed record PublicUnit(long Id, string Name, string? Address, IReadOnlyList<string> Duties, int Items, int InspectionItems, int Officers);

/// <summary><c>/Disclosure/Units</c>: 执法主体 — the county's enforcement units with their duties (the kinds of their 权责清单).</summary>
[AllowAnonymous]
internal sealed class UnitsModel(SunlightDbContext db, IConfiguration config, TimeProvider clock) : DisclosurePage(db, config)
{
    public IReadOnlyList<PublicUnit> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await CountyUnits().OrderBy(u => u.Code).Select(u => new { u.Id, u.Name, u.Address }).ToListAsync(ct);
        var kinds = (await Db.PublishedEnforcementItems(Region).Select(i => new { i.UnitId, i.Kind }).Distinct().ToListAsync(ct))
            .ToLookup(i => i.UnitId, i => i.Kind);
        var items = await CountsAsync(Db.PublishedEnforcementItems(Region).Select(i => i.UnitId), ct);
        var inspectionItems = await CountsAsync(Db.PublishedInspectionItems(Region).Select(i => i.UnitId), ct);
        var officers = await CountsAsync(Db.PublishedOfficers(Region, ChinaTime.Today(clock)).Select(o => o.UnitId), ct);
        Rows = units.Select(u => new PublicUnit(u.Id, u.Name, u.Address, kinds[u.Id].Order().Select(EnforcementItem.KindName).ToList(),
            items.GetValueOrDefault(u.Id), inspectionItems.GetValueOrDefault(u.Id), officers.GetValueOrDefault(u.Id))).ToList();
    }

    private static Task<Dictionary<long, int>> CountsAsync(IQueryable<long> unitIds, CancellationToken ct) =>
        unitIds.GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
