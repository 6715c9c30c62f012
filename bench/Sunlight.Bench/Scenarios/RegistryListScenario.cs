using System.Data.Common;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `registry-list [--scale 10] [--iterations 300] [--industry 制造] [--q 制品]`: the enterprise list query as the endpoint
/// runs it (EnterpriseEndpoints.ListPage on a DI-resolved SunlightDbContext with a county supervisor's scope) against
/// the same page in hand-written SQL on the same connection type. Value: EF p95 in ms; baseline: raw SQL p95.
/// </summary>
internal static class RegistryListScenario
{
    private const int Limit = 50;

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var scale = options.Int("scale", 10);
        var iterations = options.Int("iterations", 300);
        var industry = options.Get("industry") ?? "制造";
        var term = options.Get("q") ?? "制品";
        var database = options.Database("registry-list", scale);

        Console.WriteLine($"registry-list: generating scale {scale} on {database.Provider} ({database.DatabaseName}), not timed");
        Console.WriteLine("  " + await BenchData.GenerateAsync(database, scale));

        await using var app = BenchHost.Build(database, SupervisorOf(BenchData.QueriedRegion));
        var raw = new RawEnterpriseList(database);

        var matching = await raw.MatchingIdsAsync(BenchData.QueriedRegion, industry, term);
        // The cursor a user holds after paging ~80% of the way through the filtered list.
        var deepPages = Math.Max(1, matching.Count * 4 / 5 / Limit);
        var deepCursor = matching.Count > Limit ? matching[(deepPages * Limit) - 1] : (long?)null;
        var cases = new[]
        {
            ("first", new EnterpriseQuery(term, industry, null, Limit)),
            ("deep", new EnterpriseQuery(term, industry, deepCursor, Limit)),
        };
        Console.WriteLine($"  filter industry={industry} q={term}: {matching.Count} matches in {BenchData.QueriedRegion}; deep page = page {deepPages + 1} (after id {deepCursor})");

        var efCommand = await CapturedCommand.OfAsync(database, SupervisorOf(BenchData.QueriedRegion), db => EnterpriseEndpoints.ListPage(db, cases[1].Item2, Limit).ToListAsync());
        var rawCommand = raw.Statement(BenchData.QueriedRegion, cases[1].Item2);
        Console.WriteLine("  EF SQL (deep page):\n" + Indent(efCommand.Text));
        Console.WriteLine("  raw SQL (deep page):\n" + Indent(rawCommand.Text));
        Console.WriteLine("  plan EF:\n" + Indent(await raw.ExplainAsync(efCommand)));
        Console.WriteLine("  plan raw:\n" + Indent(await raw.ExplainAsync(rawCommand)));

        foreach (var (name, q) in cases)
        {
            var ef = await EfPageAsync(app, q);
            var sql = await raw.PageAsync(BenchData.QueriedRegion, q);
            if (!ef.SequenceEqual(sql))
            {
                throw new InvalidOperationException($"EF and raw SQL disagree on the {name} page ({ef.Count} vs {sql.Count} rows)");
            }
            Console.WriteLine($"  {name} page: {ef.Count} rows (limit + 1 = {Limit + 1}), EF and raw SQL agree");
        }

        if (options.Get("breakdown") is not null)
        {
            await BreakdownAsync(app, raw, cases[1].Item2, iterations);
        }

        var samples = cases.ToDictionary(c => c.Item1, _ => (Ef: new List<double>(), Raw: new List<double>()));
        var warmup = options.Int("warmup", Math.Max(100, iterations / 3));
        for (var i = -warmup; i < iterations; i++)
        {
            foreach (var (name, q) in cases)
            {
                // Alternate which side goes first so neither always runs on the warmer cache.
                var efFirst = i % 2 == 0;
                var a = efFirst ? await TimeAsync(() => EfPageAsync(app, q)) : await TimeAsync(() => raw.PageAsync(BenchData.QueriedRegion, q));
                var b = efFirst ? await TimeAsync(() => raw.PageAsync(BenchData.QueriedRegion, q)) : await TimeAsync(() => EfPageAsync(app, q));
                if (i >= 0)
                {
                    samples[name].Ef.Add(efFirst ? a : b);
                    samples[name].Raw.Add(efFirst ? b : a);
                }
            }
        }

        var result = new BenchResult("registry-list",
            Stats.Round(Stats.Percentile(samples.Values.SelectMany(s => s.Ef).ToList(), 95)), "ms")
        {
            Baseline = Stats.Round(Stats.Percentile(samples.Values.SelectMany(s => s.Raw).ToList(), 95)),
            Provider = database.Provider.ToString(),
            Scale = scale,
        };
        foreach (var (name, (efMs, rawMs)) in samples)
        {
            var line = $"{name}: EF p50 {Stats.Format(Stats.Median(efMs))} p95 {Stats.Format(Stats.Percentile(efMs, 95))} ms | " +
                       $"raw p50 {Stats.Format(Stats.Median(rawMs))} p95 {Stats.Format(Stats.Percentile(rawMs, 95))} ms";
            Console.WriteLine("  " + line);
            result.Extra[name] = new
            {
                efP50 = Stats.Round(Stats.Median(efMs)), efP95 = Stats.Round(Stats.Percentile(efMs, 95)),
                rawP50 = Stats.Round(Stats.Median(rawMs)), rawP95 = Stats.Round(Stats.Percentile(rawMs, 95)),
            };
        }
        // On a loaded 2-core machine the p95 is mostly preemption, which hits the longer call more often: the p50s say
        // what the query costs.
        var efP50 = Stats.Median(samples.Values.SelectMany(s => s.Ef).ToList());
        var rawP50 = Stats.Median(samples.Values.SelectMany(s => s.Raw).ToList());
        result.Extra["efP50"] = Stats.Round(efP50);
        result.Extra["rawP50"] = Stats.Round(rawP50);
        result.Extra["ratioP50"] = Stats.Round(efP50 / rawP50);
        result.Extra["iterations"] = iterations;
        result.Extra["matches"] = matching.Count;
        Console.WriteLine($"  EF p95 {Stats.Format(result.Value)} ms vs raw SQL p95 {Stats.Format(result.Baseline!.Value)} ms: ratio {result.Ratio} (target ≤ 1.5); p50 ratio {Stats.Round(efP50 / rawP50)}");
        return result;
    }

    /// <summary>A county supervisor as an authenticated request would scope it: sees the county, every unit.</summary>
    internal static CallerScope SupervisorOf(string region) => CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "supervisor"), new Claim(ClaimTypes.Role, Roles.Supervisor), new Claim(SunlightClaims.Region, region)],
        authenticationType: "bench")));

    /// <summary>What one GET /api/v1/enterprises does with the database: a request scope, a context, the page query.</summary>
    private static async Task<List<EnterpriseDto>> EfPageAsync(WebApplication app, EnterpriseQuery q)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        return await EnterpriseEndpoints.ListPage(db, q, Limit).ToListAsync();
    }

    /// <summary>`--breakdown`: where the EF path spends its time beyond the raw query, one step added at a time.</summary>
    private static async Task BreakdownAsync(WebApplication app, RawEnterpriseList raw, EnterpriseQuery q, int iterations)
    {
        var steps = new (string Name, Func<Task<int>> Run)[]
        {
            ("raw ADO.NET", async () => (await raw.PageAsync(BenchData.QueriedRegion, q)).Count),
            ("DI scope + context, no query", () =>
            {
                using var scope = app.Services.CreateScope();
                return Task.FromResult(scope.ServiceProvider.GetRequiredService<SunlightDbContext>().GetHashCode());
            }),
            ("context + open/close connection", async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
                await db.Database.OpenConnectionAsync();
                await db.Database.CloseConnectionAsync();
                return 0;
            }),
            ("context + EF no filters, explicit region", async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
                var term = q.Q!;
                return await db.Enterprises.AsNoTracking().IgnoreQueryFilters()
                    .Where(e => e.RegionCode == BenchData.QueriedRegion && e.Industry == q.Industry && e.Name.Contains(term) && e.Id > q.After)
                    .OrderBy(e => e.Id).Take(Limit + 1)
                    .Select(e => new EnterpriseDto(e.Id, e.Uscc, e.Name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.RegionCode, e.Version))
                    .CountAsync();
            }),
            ("context + EF SqlQueryRaw (no LINQ)", async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
                return (await db.Database.SqlQueryRaw<EnterpriseRow>(
                    "SELECT \"Id\", \"Uscc\", \"Name\", \"Address\", \"Industry\", \"LegalRepresentative\", \"Phone\", \"RegionCode\", \"Version\" FROM \"Enterprises\" WHERE \"RegionCode\" = {0} AND \"Industry\" = {1} AND (\"Name\" LIKE {2} OR \"Uscc\" LIKE {3}) AND \"Id\" > {4} ORDER BY \"Id\" LIMIT 51",
                    BenchData.QueriedRegion, q.Industry!, "%" + q.Q + "%", q.Q!.ToUpperInvariant() + "%", q.After ?? 0L).ToListAsync()).Count;
            }),
            ("EF-opened connection + raw ADO.NET query", async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
                await db.Database.OpenConnectionAsync();
                try
                {
                    return (await raw.PageAsync(db.Database.GetDbConnection(), BenchData.QueriedRegion, q)).Count;
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }),
            ("EF ListPage, filters ignored, explicit region", async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
                return await EnterpriseList.Filter(db.Enterprises.AsNoTracking().IgnoreQueryFilters().Where(e => e.RegionCode == BenchData.QueriedRegion), q)
                    .Where(e => q.After == null || e.Id > q.After).OrderBy(e => e.Id).Take(Limit + 1)
                    .Select(e => new EnterpriseDto(e.Id, e.Uscc, e.Name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.RegionCode, e.Version))
                    .CountAsync();
            }),
            ("EF ListPage (the endpoint)", async () => (await EfPageAsync(app, q)).Count),
        };
        using var compilations = new CompilationCounter();
        foreach (var (name, run) in steps)
        {
            var times = new List<double>();
            for (var i = -iterations / 2; i < iterations; i++)
            {
                var t = await TimeAsync(run);
                if (i >= 0)
                {
                    times.Add(t);
                }
            }
            Console.WriteLine($"  breakdown {name}: p50 {Stats.Format(Stats.Median(times))} ms, p95 {Stats.Format(Stats.Percentile(times, 95))} ms, EF query compilations {compilations.TakeCount()}");
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l.TrimEnd('\r')));
}

/// <summary>Counts EF query compilations (cache misses) through EF's diagnostic events.</summary>
internal sealed class CompilationCounter : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public CompilationCounter() => _subscriptions.Add(System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this));

    public int TakeCount() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(System.Diagnostics.DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this, name => name == Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryCompilationStarting.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _count);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
}

internal sealed record EnterpriseRow(long Id, string Uscc, string Name, string? Address, string? Industry, string? LegalRepresentative, string? Phone, string RegionCode, Guid Version);

/// <summary>The same page in SQL as a person would write it, read with plain ADO.NET on the provider's own connection.</summary>
internal sealed class RawEnterpriseList(BenchDatabase database)
{
    private bool Postgres => database.Provider == DatabaseProvider.Postgres;

    public string Sql(bool withCursor) =>
        """
        SELECT "Id", "Uscc", "Name", "Address", "Industry", "LegalRepresentative", "Phone", "RegionCode", "Version"
        FROM "Enterprises"
        WHERE "RegionCode" = @region AND "Industry" = @industry AND ("Name" LIKE @contains OR "Uscc" LIKE @prefix)
        """ + (withCursor ? """ AND "Id" > @after""" : "") + """

        ORDER BY "Id"
        LIMIT @take
        """;

    public async Task<List<EnterpriseDto>> PageAsync(string region, EnterpriseQuery q)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        return await PageAsync(conn, region, q);
    }

    public async Task<List<EnterpriseDto>> PageAsync(DbConnection conn, string region, EnterpriseQuery q)
    {
        await using var cmd = Command(conn, Sql(q.After is not null), region, q);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<EnterpriseDto>(Limit(q) + 1);
        while (await reader.ReadAsync())
        {
            rows.Add(new EnterpriseDto(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), reader.GetGuid(8)));
        }
        return rows;
    }

    /// <summary>Ids of every enterprise the filter matches, in page order (to place the deep cursor).</summary>
    public async Task<List<long>> MatchingIdsAsync(string region, string industry, string term)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        var q = new EnterpriseQuery(term, industry, null, 1_000_000);
        await using var cmd = Command(conn, Sql(false).Replace("\"Id\", \"Uscc\", \"Name\", \"Address\", \"Industry\", \"LegalRepresentative\", \"Phone\", \"RegionCode\", \"Version\"", "\"Id\"", StringComparison.Ordinal), region, q);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    /// <summary>The query plan of a command (EF's as captured, or ours), with that command's own parameter values.</summary>
    public async Task<string> ExplainAsync(SqlStatement source)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = (Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + source.Text;
        foreach (var (name, value) in source.Parameters)
        {
            Add(cmd, name, value);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Postgres ? reader.GetString(0) : reader.GetString(reader.FieldCount - 1));
        }
        return string.Join('\n', lines);
    }

    public SqlStatement Statement(string region, EnterpriseQuery q)
    {
        using var conn = Open();
        using var cmd = Command(conn, Sql(q.After is not null), region, q);
        return SqlStatement.Of(cmd);
    }

    private DbConnection Open() => Postgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    private static int Limit(EnterpriseQuery q) => q.Limit ?? 50;

    private static DbCommand Command(DbConnection conn, string sql, string region, EnterpriseQuery q)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var term = q.Q!.Trim();
        Add(cmd, "@region", region);
        Add(cmd, "@industry", q.Industry!);
        Add(cmd, "@contains", "%" + EscapeLike(term) + "%");
        Add(cmd, "@prefix", EscapeLike(term.ToUpperInvariant()) + "%");
        if (sql.Contains("@after", StringComparison.Ordinal))
        {
            Add(cmd, "@after", q.After ?? 0L);
        }
        Add(cmd, "@take", Limit(q) + 1);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    // The bench terms hold no LIKE wildcards; escaping keeps the SQL honest should someone pass one.
    private static string EscapeLike(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
