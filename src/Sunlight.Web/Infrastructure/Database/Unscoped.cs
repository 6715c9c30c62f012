using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The annual enforcement statistics (行政执法统计年报) the public disclosure publishes: callers only group and
    /// count (acts per unit, kind and year) — no row, no party, no officer leaves through it.</summary>
    public static IQueryable<T> PublicStatistics<T>(this SunlightDbContext db) where T : class => db.Set<T>().IgnoreQueryFilters().AsNoTracking();
}
