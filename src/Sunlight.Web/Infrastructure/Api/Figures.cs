using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// One number and the list of exactly the records it counts (<c>GET recordsUrl</c> answers them, with the same filters);
/// optionally its breakdown, figures of the same kind (e.g. a campaign's problems by category).
/// </summary>
internal sealed record Figure(string Key, string Label, int Value, string RecordsUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Figure>? Breakdown = null);

internal sealed record FiguresDto(IReadOnlyList<Figure> Figures);

/// <summary>
/// The figures' filter, the same for every capability: a period of days (China Standard Time, both ends included) and a
/// unit; on the query string <c>from</c>, <c>to</c>, <c>unitId</c>. Each capability says which date of its records the
/// period applies to.
/// </summary>
internal sealed record FigureFilter(DateOnly? From = null, DateOnly? To = null, long? UnitId = null)
{
    /// <summary>The first instant of <see cref="From"/> in China Standard Time.</summary>
    public DateTimeOffset? FromInstant => From is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime() : null;

    /// <summary>The first instant after <see cref="To"/> in China Standard Time (exclusive bound).</summary>
    public DateTimeOffset? ToInstantExclusive => To is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime() : null;

    /// <summary>The filter as a query string (<c>from=…&amp;to=…&amp;unitId=…</c>), empty when unfiltered.</summary>
    public string Query => string.Join("&", new[]
    {
        From is { } f ? "from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        To is { } t ? "to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        UnitId is { } u ? "unitId=" + u.ToString(CultureInfo.InvariantCulture) : null,
    }.OfType<string>());
}

/// <summary>A figure before counting: the query whose count it is and whose records <see cref="RecordsUrl"/> pages.</summary>
internal sealed record UncountedFigure(string Key, string Label, string RecordsUrl, IQueryable<FigureRow> Rows, IReadOnlyList<Figure>? Breakdown = null);

/// <summary>A record behind a figure. Init properties, not a positional record: EF filters, groups and counts on it.</summary>
internal sealed class FigureRow
{
    public long Id { get; init; }
    public long? UnitId { get; init; }
    public string Title { get; init; } = "";
    public string? Detail { get; init; }
}

/// <summary>
/// A capability's figures: each key names one query of its records. The figure is that query's count and
/// <c>GET {Path}/figures/{key}/records</c> pages through that same query, so a figure never has a counter of its own.
/// </summary>
internal interface IFigureSource
{
    /// <summary>The capability's API group, e.g. <c>/api/v1/complaints</c>.</summary>
    string Path { get; }

    IReadOnlyList<(string Key, string Label)> Keys { get; }

    /// <summary>The records behind <paramref name="key"/> under <paramref name="filter"/>, in the caller's scope; null for an unknown key.</summary>
    Task<IQueryable<FigureRow>?> RowsAsync(string key, FigureFilter filter, CancellationToken ct);
}

internal static class FigureSources
{
    public static string RecordsUrl(this IFigureSource source, string key, FigureFilter filter) =>
        $"{source.Path}/figures/{key}/records" + (filter.Query is { Length: > 0 } q ? "?" + q : "");

    /// <summary>The source's figures before counting: each key's query and records url.</summary>
    public static async Task<IReadOnlyList<UncountedFigure>> UncountedAsync(this IFigureSource source, FigureFilter filter, CancellationToken ct)
    {
        var figures = new List<UncountedFigure>();
        foreach (var (key, label) in source.Keys)
        {
            figures.Add(new UncountedFigure(key, label, source.RecordsUrl(key, filter), await source.RowsAsync(key, filter, ct) ?? throw new InvalidOperationException(key)));
        }
        return figures;
    }

    /// <summary>The source's figures, all counted in one statement (<see cref="CountAsync"/>).</summary>
    public static async Task<FiguresDto> FiguresAsync(this IFigureSource source, SunlightDbContext db, FigureFilter filter, CancellationToken ct) =>
        new(await db.CountAsync(await source.UncountedAsync(filter, ct), ct));

    /// <summary>The figures, each the count of its own query, all counted in one statement (<see cref="CountEachAsync{T}"/>).</summary>
    public static async Task<IReadOnlyList<Figure>> CountAsync(this SunlightDbContext db, IReadOnlyList<UncountedFigure> figures, CancellationToken ct)
    {
        var counts = await db.CountEachAsync(figures.Select(f => f.Rows).ToList(), ct);
        return figures.Select((f, i) => new Figure(f.Key, f.Label, counts[i], f.RecordsUrl, f.Breakdown)).ToList();
    }

    /// <summary>
    /// The count of each query, in one statement of scalar subqueries (<c>SELECT (SELECT COUNT(*) …), (SELECT COUNT(*) …)</c>):
    /// the queries themselves, unchanged, so each count is still exactly what that query lists, for one round trip.
    /// </summary>
    public static async Task<int[]> CountEachAsync<T>(this SunlightDbContext db, IReadOnlyList<IQueryable<T>> queries, CancellationToken ct)
    {
        if (queries.Count == 0)
        {
            return [];
        }
        var counts = queries.Select(q => Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], q.Expression));
        var select = Expression.Lambda<Func<int, int[]>>(Expression.NewArrayInit(typeof(int), counts), Expression.Parameter(typeof(int), "_"));
        return await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").Select(select).SingleAsync(ct);
    }

    /// <summary>One page of the records behind a figure, newest first; null for an unknown key.</summary>
    public static async Task<Page<FigureRow>?> RecordsAsync(this IFigureSource source, string key, FigureFilter filter, long? after, int? limit, CancellationToken ct) =>
        await source.RowsAsync(key, filter, ct) is { } rows
            ? await rows.KeysetAsync(r => r.Id, newestFirst: true, after, limit, r => r, r => r.Id, ct)
            : null;

    /// <summary>Maps <c>GET /figures</c> and <c>GET /figures/{key}/records</c> on a capability's group, under <paramref name="policy"/>.</summary>
    public static void MapFiguresOf<TSource>(this RouteGroupBuilder group, string policy, string what) where TSource : IFigureSource
    {
        // The source is looked up per request, not taken as a `[FromServices] TSource` parameter: ASP.NET Core's route
        // handler analyzer throws (AD0001, NullReferenceException) on a handler parameter of a generic type parameter.
        static IFigureSource Source(HttpContext http) => http.RequestServices.GetRequiredService<TSource>();
        group.MapGet("/figures", async (DateOnly? from, DateOnly? to, long? unitId, HttpContext http, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await Source(http).FiguresAsync(db, new FigureFilter(from, to, unitId), ct)))
            .RequireAuthorization(policy)
            .WithSummary($"{what}数据（按期间 from/to、单位 unitId；每项附 recordsUrl，返回的正是计入该数的记录）");
        group.MapGet("/figures/{key}/records", async Task<Results<Ok<Page<FigureRow>>, ProblemHttpResult>> (string key, DateOnly? from, DateOnly? to, long? unitId,
                long? after, int? limit, HttpContext http, CancellationToken ct) =>
                await Source(http).RecordsAsync(key, new FigureFilter(from, to, unitId), after, limit, ct) is { } page ? TypedResults.Ok(page) : ApiErrors.NotFound("数据项"))
            .RequireAuthorization(policy)
            .WithSummary($"{what}某项数据所计入的记录（与数据同一查询；最新在前，after 为上一页最后一条的 id）");
    }
}
