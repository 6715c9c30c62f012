using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure;

/// <summary>
/// A page of the public disclosure portal (执法公示, 三项制度): anonymous, the county of the setting
/// <c>Sunlight:RegionCode</c> whoever asks, read only through the named public queries of <see cref="Unscoped"/>,
/// filtered by unit and keyset-paged (<c>after</c>, "共 N 条").
/// </summary>
internal abstract class DisclosurePage(SunlightDbContext db, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    /// <summary>The county's enforcement units, for the unit filter.</summary>
    public List<SelectListItem> Units { get; private set; } = [];

    protected SunlightDbContext Db => db;

    /// <summary>The county this portal publishes.</summary>
    protected string Region => SaveEnterprise.DefaultRegion(config);

    protected IQueryable<EnforcementUnit> CountyUnits() =>
        db.PublicUnits().Where(u => u.RegionCode == Region && u.Kind == UnitKind.Enforcement && u.IsActive);

    protected async Task LoadUnitsAsync(CancellationToken ct) =>
        Units = (await CountyUnits().OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Id == UnitId)).ToList();

    /// <summary>A search text as typed, trimmed and cut to its input's length; null when empty.</summary>
    protected static string? Text(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();

    /// <summary>The names of the units of these rows.</summary>
    protected Task<IReadOnlyDictionary<long, string>> UnitNamesAsync(IEnumerable<long> ids, CancellationToken ct) =>
        db.UnitNamesAsync(ids.Select(i => (long?)i), ct);
}
