namespace Sunlight.Web.Infrastructure.Api;

/// <summary>What a save handler tells both its page and its endpoint: the saved row, field errors, or not found.</summary>
public sealed record Outcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, bool NotFound = false)
{
    internal static Outcome<T> Invalid(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });
    internal static Outcome<T> Missing() => new(default, null, true);
}

/// <summary>A keyset page: rows after the cursor in id order, and the cursor for the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long? NextCursor);

internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(int? requested) => Math.Clamp(requested ?? DefaultLimit, 1, MaxLimit);

    public static Page<T> ToPage<T>(List<T> rowsPlusOne, int limit, Func<T, long> id) =>
        rowsPlusOne.Count > limit
            ? new Page<T>(rowsPlusOne.Take(limit).ToList(), id(rowsPlusOne[limit - 1]))
            : new Page<T>(rowsPlusOne, null);
}
