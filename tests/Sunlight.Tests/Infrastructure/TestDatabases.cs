using Microsoft.Data.Sqlite;
using Npgsql;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// Which real database this run uses: SUNLIGHT_TEST_DB=Sqlite (default) or Postgres (with SUNLIGHT_TEST_PG, a
/// connection string to a throwaway server). test.sh runs the whole suite once per provider.
/// The demo county is migrated and seeded once per run into a template; each test class gets a fresh copy.
/// </summary>
internal static class TestDatabases
{
    public static readonly DatabaseProvider Provider =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("SUNLIGHT_TEST_DB"), true, out var p) ? p : DatabaseProvider.Sqlite;

    public static readonly string Root = Path.Combine(Path.GetTempPath(), "sunlight-tests", $"{Environment.ProcessId}");

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SUNLIGHT_TEST_PG")
        ?? throw new InvalidOperationException("SUNLIGHT_TEST_DB=Postgres needs SUNLIGHT_TEST_PG (run ./test.sh, which starts a throwaway PostgreSQL).");

    /// <summary>A new database holding the seeded demo county; returns its connection string.</summary>
    public static async Task<string> CreateSeededAsync(string name)
    {
        var template = await TemplateAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            var db = "sl_" + name;
            await ExecuteAsync($"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE {db} TEMPLATE {template}");
            return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = db }.ConnectionString;
        }
        var file = Path.Combine(Root, name + ".db");
        File.Copy(template, file, overwrite: true);
        return $"Data Source={file};Default Timeout=30";
    }

    /// <summary>An empty database (no migrations applied), for tests of first start.</summary>
    public static async Task<string> CreateEmptyAsync(string name)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var db = "sl_" + name;
            await ExecuteAsync($"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE {db}");
            return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = db }.ConnectionString;
        }
        Directory.CreateDirectory(Root);
        return $"Data Source={Path.Combine(Root, name + ".db")};Default Timeout=30";
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            Directory.CreateDirectory(Root);
            var name = $"template_{Environment.ProcessId}";
            var connection = await CreateEmptyAsync(name);
            await using (var factory = new SunlightFactory(connection, Path.Combine(Root, "template-data")))
            {
                // Starting the app migrates and seeds the demo county, exactly as a first `dotnet run` does.
                factory.CreateClient().Dispose();
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            _template = Provider == DatabaseProvider.Postgres ? "sl_" + name : Path.Combine(Root, name + ".db");
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
