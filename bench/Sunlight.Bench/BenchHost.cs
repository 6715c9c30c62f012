using Microsoft.Data.Sqlite;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench;

/// <summary>Where a benchmark's data lives: a provider and a connection string the app itself accepts.</summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    /// <summary>A SQLite file named as the app names it, so `Sunlight__DataDirectory=dir` opens the same database.</summary>
    public static BenchDatabase Sqlite(string dataDirectory)
    {
        var dir = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dir);
        return new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "sunlight.db")};Default Timeout=30", dir);
    }

    /// <summary>A PostgreSQL database named <paramref name="database"/> on the server of <paramref name="serverConnection"/>.</summary>
    public static BenchDatabase Postgres(string serverConnection, string database, string dataDirectory) =>
        new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString,
            Path.GetFullPath(dataDirectory));

    public string DatabaseName => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(ConnectionString).Database ?? ""
        : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Environment that points the published app at this database.</summary>
    public IReadOnlyDictionary<string, string> AppEnvironment() => new Dictionary<string, string>
    {
        ["Sunlight__DataDirectory"] = DataDirectory,
        ["Sunlight__Database__Provider"] = Provider.ToString(),
        ["ConnectionStrings__Sunlight"] = ConnectionString,
        ["Sunlight__AdminPassword"] = BenchData.AdminPassword,
    };
}

/// <summary>The app's own service graph (AddSunlight) on a bench database, without starting a server.</summary>
internal static class BenchHost
{
    /// <param name="scope">When given, replaces the per-request caller scope, as an authenticated request would set it.</param>
    public static WebApplication Build(BenchDatabase database, CallerScope? scope = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunlight:Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Sunlight"] = database.ConnectionString,
            ["Sunlight:DataDirectory"] = database.DataDirectory,
            ["Sunlight:AdminPassword"] = BenchData.AdminPassword,
        });
        // EF logs every command at Information; console logging inside a timed loop would measure the console.
        builder.Logging.ClearProviders();
        builder.Services.AddSunlight(builder.Configuration);
        if (scope is not null)
        {
            builder.Services.AddScoped(_ => scope);
        }
        return builder.Build();
    }
}
