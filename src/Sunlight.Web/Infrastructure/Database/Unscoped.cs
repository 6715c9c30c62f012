using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Infrastructure.Database;

/// <summary>
/// ADR 0002's allow-list: the only queries that step outside the caller's scope, each named for its reason.
/// <c>IgnoreQueryFilters</c> appears nowhere else (ArchitectureTests fails otherwise). System jobs need none of these:
/// outside a request the scope is <see cref="Identity.CallerScope.System"/>, which already sees the whole county.
/// Run each as a query of its own: EF applies <c>IgnoreQueryFilters</c> to the whole statement, so one composed into a
/// scoped query as a subquery silently drops that query's scope too (the bench caught other counties' complaints so).
/// </summary>
internal static class Unscoped
{
    /// <summary>The county's units by name and kind: public facts (every enforcement document carries them), for the
    /// public complaint form's picker and for showing a unit's name next to a record the caller may see.</summary>
    public static IQueryable<EnforcementUnit> PublicUnits(this SunlightDbContext db) => db.Units.IgnoreQueryFilters().AsNoTracking();

    /// <summary>The names of these units (nulls and repeats ignored), for showing next to records the caller may see —
    /// a unit reads the name of the unit a complaint was assigned from, too.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> UnitNamesAsync(this SunlightDbContext db, IEnumerable<long?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<long, string>()
            : await db.PublicUnits().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>Uniqueness across the whole table (a USCC, a unit code, an escalation key): answers "taken?", never rows.</summary>
    public static Task<bool> IsTakenAsync<T>(this SunlightDbContext db, Expression<Func<T, bool>> match, CancellationToken ct) where T : class =>
        db.Set<T>().IgnoreQueryFilters().AnyAsync(match, ct);

    /// <summary>Uniqueness for a batch (an import): which of these keys are taken anywhere.</summary>
    public static Task<List<TKey>> TakenKeysAsync<T, TKey>(this SunlightDbContext db, Expression<Func<T, bool>> match, Expression<Func<T, TKey>> key,
        CancellationToken ct) where T : class =>
        db.Set<T>().IgnoreQueryFilters().Where(match).Select(key).ToListAsync(ct);

    /// <summary>What the public reaches by a code it holds — a complaint by tracking code (then its PIN) or Open311 id and
    /// token, an intake point by its QR code. Callers filter by that code first and select only public fields.</summary>
    public static IQueryable<T> PublicLookup<T>(this SunlightDbContext db) where T : class => db.Set<T>().IgnoreQueryFilters();

    /// <summary>One enterprise's records across the county's units, for the checks that must see other units' work:
    /// the first-violation check's cross-department view (cases, exemptions) and the frequency-cap, overlap (多头检查) and
    /// door checks (inspections). Callers filter by region and enterprise first and select only what they show (dates,
    /// kinds, unit ids — no findings, no ratings).</summary>
    public static IQueryable<T> AcrossUnits<T>(this SunlightDbContext db) where T : class => db.Set<T>().IgnoreQueryFilters().AsNoTracking();

    // 公示 (三项制度, 国办发〔2018〕118号): what the public disclosure portal publishes for one county, whoever asks (the
    // anonymous scope sees nothing unit-owned; a signed-in unit account would see only its own). Callers select only the
    // public fields of each (an officer's name, credential number and category, never more).

    /// <summary>执法人员公示: the county's active officers holding a credential valid on that day (持证上岗; auxiliary staff
    /// hold none and are not published).</summary>
    public static IQueryable<Officer> PublishedOfficers(this SunlightDbContext db, string region, DateOnly on) =>
        db.Officers.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == region && o.IsActive && !o.IsAuxiliary
            && o.Credentials.Any(c => c.ValidFrom <= on && c.ValidTo >= on));

    /// <summary>权责清单公示: the county's enforcement items (duties) with their legal bases.</summary>
    public static IQueryable<EnforcementItem> PublishedEnforcementItems(this SunlightDbContext db, string region) =>
        db.EnforcementItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.RegionCode == region);

    /// <summary>检查事项清单公示: the county's inspection items (a unit inspects nothing else).</summary>
    public static IQueryable<InspectionItem> PublishedInspectionItems(this SunlightDbContext db, string region) =>
        db.InspectionItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.RegionCode == region);

    /// <summary>执法决定公示: the county's decisions recorded as published (withdrawn ones included, to be shown as withdrawn).</summary>
    public static IQueryable<EnforcementCase> PublishedDecisions(this SunlightDbContext db, string region) =>
        db.EnforcementCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.RegionCode == region && c.PublishedOn != null);

    /// <summary>双随机一公开: the county's random draws (public once drawn) and their published results.</summary>
    public static IQueryable<RandomDraw> PublishedDraws(this SunlightDbContext db, string region) =>
        db.Set<RandomDraw>().IgnoreQueryFilters().AsNoTracking().Where(d => d.RegionCode == region);

    /// <summary>柔性执法清单公示: the items of the county's approved (published) list versions; drafts and superseded ones never.</summary>
    public static IQueryable<ListItem> PublishedLeniencyItems(this SunlightDbContext db, string region) =>
        db.Set<ListItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.RegionCode == region && i.List!.State == ListState.Approved && i.List.IsPublished);
    /// <summary>The annual enforcement statistics (行政执法统计年报) the public disclosure publishes: callers only group and
    /// count (acts per unit, kind and year) — no row, no party, no officer leaves through it.</summary>
    public static IQueryable<T> PublicStatistics<T>(this SunlightDbContext db) where T : class => db.Set<T>().IgnoreQueryFilters().AsNoTracking();
}
