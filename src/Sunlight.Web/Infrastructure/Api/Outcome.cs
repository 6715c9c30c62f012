using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// The one result shape of every use case, for its page and its endpoint alike: the value, or input errors (→ 400 with
/// <c>errors</c>), or not found in the caller's scope (→ 404), or a named rule refused it (→ 409 with <c>rule</c> and a
/// Chinese detail). Exceptions are only for the unexpected.
/// </summary>
internal sealed record Outcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, bool NotFound = false, string? Rule = null, string? Detail = null)
{
    public bool Succeeded => Errors is null && !NotFound && Rule is null;

    public static implicit operator Outcome<T>(T value) => new(value);

    internal static Outcome<T> Invalid(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });
    internal static Outcome<T> Invalid(IDictionary<string, string[]> errors) => new(default, errors);
    internal static Outcome<T> Missing() => new(default, null, true);
    internal static Outcome<T> Refused(string rule, string detail) => new(default, null, false, rule, detail);
}

/// <summary>
/// A keyset page: the rows after the cursor in the list's order, the cursor for the next page (null at the end) and the
/// total of the filtered list ("共 N 条"); <paramref name="TotalCapped"/> when there are more than
/// <see cref="Paging.CountCap"/> and <paramref name="Total"/> is that cap.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, long? NextCursor, int? Total = null, bool TotalCapped = false)
{
    /// <summary>"共 123 条" or "超过 10000 条", for pages.</summary>
    public string TotalText => Total is not { } n ? "" : TotalCapped ? $"超过 {n} 条" : $"共 {n} 条";

    /// <summary>The same page with its rows turned into what the caller shows.</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor, Total, TotalCapped);
}

/// <summary>
/// The one paging convention, for the API and pages alike: keyset <c>after</c> (the last id the caller saw), <c>limit</c>
/// (default 50, at most 200), newest first for lists ordered in time, oldest-id first for dictionaries.
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>
    /// Totals are counted up to here and no further: a county's complaint board or the audit log holds millions of rows,
    /// and an exact <c>COUNT(*)</c> over them on every page view grows with the table (bench lists). Nobody reads past it.
    /// </summary>
    public const int CountCap = 10_000;

    public static int Limit(int? requested) => Math.Clamp(requested ?? DefaultLimit, 1, MaxLimit);

    public static Page<T> ToPage<T>(List<T> rowsPlusOne, int limit, Func<T, long> id, int? total = null)
    {
        var capped = total > CountCap;
        var shown = capped ? CountCap : total;
        return rowsPlusOne.Count > limit
            ? new Page<T>(rowsPlusOne.Take(limit).ToList(), id(rowsPlusOne[limit - 1]), shown, capped)
            : new Page<T>(rowsPlusOne, null, shown, capped);
    }

    /// <summary>The filtered list's size, counted up to <see cref="CountCap"/> + 1 (then shown as "超过 …").</summary>
    public static Task<int> CappedCountAsync<T>(this IQueryable<T> filtered, CancellationToken ct) => filtered.Take(CountCap + 1).CountAsync(ct);

    /// <summary>
    /// One page of <paramref name="filtered"/> ordered by <paramref name="key"/> (descending when
    /// <paramref name="newestFirst"/>), starting after <paramref name="after"/>; the total counts the filtered rows.
    /// </summary>
    public static async Task<Page<TRow>> KeysetAsync<T, TRow>(this IQueryable<T> filtered, Expression<Func<T, long>> key, bool newestFirst,
        long? after, int? limit, Expression<Func<T, TRow>> select, Func<TRow, long> rowKey, CancellationToken ct)
    {
        var take = Limit(limit);
        var total = await filtered.CappedCountAsync(ct);
        var page = filtered;
        if (after is { } cursor)
        {
            // A captured value, not a constant: EF sends it as a parameter and reuses the compiled query for every cursor.
            var bound = new Cursor(cursor);
            var value = Expression.Property(Expression.Constant(bound), nameof(Cursor.Value));
            var past = newestFirst ? Expression.LessThan(key.Body, value) : Expression.GreaterThan(key.Body, value);
            page = page.Where(Expression.Lambda<Func<T, bool>>(past, key.Parameters));
        }
        var rows = await (newestFirst ? page.OrderByDescending(key) : page.OrderBy(key)).Take(take + 1).Select(select).ToListAsync(ct);
        return ToPage(rows, take, rowKey, total);
    }

    private sealed record Cursor(long Value);
}
