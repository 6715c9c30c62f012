using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Infrastructure.Database;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Sunlight:Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string DataDirectory(IConfiguration config) =>
        Path.GetFullPath(config["Sunlight:DataDirectory"] is { Length: > 0 } d ? d : "data");

    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("Sunlight");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Sunlight。");
        }
        var dir = DataDirectory(config);
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "sunlight.db")};Default Timeout=30";
    }

    public static IServiceCollection AddSunlightDatabase(this IServiceCollection services, IConfiguration config)
    {
        var connection = ConnectionString(config);
        // Outside a request (jobs, CLI verbs, startup) the caller is the system itself and sees everything.
        services.AddScoped(sp => CallerScope.ForRequest(sp.GetRequiredService<IHttpContextAccessor>()));
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SunlightDbContext, PostgresSunlightDbContext>(o => o.UseNpgsql(connection));
        }
        else
        {
            services.AddDbContext<SunlightDbContext, SqliteSunlightDbContext>(o => o.UseSqlite(connection));
        }
        return services;
    }

    /// <summary>Applies the committed migrations of the configured provider; SQLite is switched to WAL.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Lets `dotnet ef` build each provider's context; the connection strings are placeholders.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSunlightDbContext>
{
    public SqliteSunlightDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSunlightDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSunlightDbContext>
{
    public PostgresSunlightDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSunlightDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
