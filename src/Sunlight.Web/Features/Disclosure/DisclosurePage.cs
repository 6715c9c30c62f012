using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure;

/// <summary>A row of a portal list: its key, its unit, and the same row with the unit's name filled in.</summary>
internal interface IUnitRow<out TSelf>
{
    long Id { get; }
    long UnitId { get; }
    TSelf Named(string unitName);
}

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

    /// <summary>The rows of the chosen unit (all units when none is chosen).</summary>
    protected IQueryable<T> OfUnit<T>(IQueryable<T> rows) where T : class, IUnitOwned =>
        UnitId is { } unit ? rows.Where(r => r.UnitId == unit) : rows;

    /// <summary>The names of the units of these rows.</summary>
    protected Task<IReadOnlyDictionary<long, string>> UnitNamesAsync(IEnumerable<long> ids, CancellationToken ct) =>
        db.UnitNamesAsync(ids.Select(i => (long?)i), ct);

    /// <summary>One page of a county list (the unit filter offered and applied, keyset <c>after</c>), each row named with its unit.</summary>
    protected async Task<Page<TRow>> PageAsync<T, TRow>(IQueryable<T> rows, Expression<Func<T, long>> key, bool newestFirst, Expression<Func<T, TRow>> select,
        CancellationToken ct) where T : class, IUnitOwned where TRow : IUnitRow<TRow>
    {
        await LoadUnitsAsync(ct);
        var page = await OfUnit(rows).KeysetAsync(key, newestFirst, After, null, select, r => r.Id, ct);
        var names = await UnitNamesAsync(page.Items.Select(r => r.UnitId), ct);
        return page.Map(r => r.Named(names.GetValueOrDefault(r.UnitId, "")));
    }
}
