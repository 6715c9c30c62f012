using System.Globalization;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench;

/// <summary>`scenario [--scale N] [--provider Sqlite|Postgres] [--connection "..."] [--out DIR] [--runs N] [--iterations N]`.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string Scenario { get; private init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "" };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options._values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }
        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public DatabaseProvider Provider =>
        Enum.Parse<DatabaseProvider>(Get("provider") ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);

    /// <summary>Where a scenario keeps its files: --out, or bench/results/&lt;scenario&gt; (git-ignored) under the repository.</summary>
    public string WorkDirectory(string scenario) =>
        Path.GetFullPath(Get("out") ?? Path.Combine(RepositoryRoot(), "bench", "results", scenario));

    /// <summary>The bench database for a scenario: a SQLite file under the work directory, or a bench_* PostgreSQL database.</summary>
    public BenchDatabase Database(string scenario, int scale)
    {
        var dir = WorkDirectory(scenario);
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Get("connection") ?? Environment.GetEnvironmentVariable("SUNLIGHT_TEST_PG")
                ?? throw new InvalidOperationException("--provider Postgres needs --connection \"Host=...;Username=...\" (or SUNLIGHT_TEST_PG)");
            return BenchDatabase.Postgres(server, Get("database") ?? $"bench_{scenario.Replace('-', '_')}_{scale}", dir);
        }
        return BenchDatabase.Sqlite(Path.Combine(dir, $"scale{scale}"));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunlight.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find Sunlight.sln above " + AppContext.BaseDirectory);
    }
}
