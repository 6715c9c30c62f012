namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// The one result shape of every use case, for its page and its endpoint alike: the value, or input errors (→ 400 with
/// <c>errors</c>), or not found in the caller's scope (→ 404), or a named rule refused it (→ 409 with <c>rule</c> and a
/// Chinese detail). Exceptions are only for the unexpected.
/// </summary>
public sealed record Outcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, bool NotFound = false, string? Rule = null, string? Detail = null)
{
    public bool Succeeded => Errors is null && !NotFound && Rule is null;

    public static implicit operator Outcome<T>(T value) => new(value);

    internal static Outcome<T> Invalid(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });
    internal static Outcome<T> Invalid(IDictionary<string, string[]> errors) => new(default, errors);
    internal static Outcome<T> Missing() => new(default, null, true);
    internal static Outcome<T> Refused(string rule, string detail) => new(default, null, false, rule, detail);
}

/// <summary>A keyset page: rows after the cursor, the cursor for the next page (null at the end) and, when counted, the total.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long? NextCursor, int? Total = null);

internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(int? requested) => Math.Clamp(requested ?? DefaultLimit, 1, MaxLimit);

    public static Page<T> ToPage<T>(List<T> rowsPlusOne, int limit, Func<T, long> id, int? total = null) =>
        rowsPlusOne.Count > limit
            ? new Page<T>(rowsPlusOne.Take(limit).ToList(), id(rowsPlusOne[limit - 1]), total)
            : new Page<T>(rowsPlusOne, null, total);
}
