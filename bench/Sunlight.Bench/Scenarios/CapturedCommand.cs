using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>A statement and its parameter values, copied off a command.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public static SqlStatement Of(DbCommand command) => new(command.CommandText,
        command.Parameters.Cast<DbParameter>().Select(p => KeyValuePair.Create(p.ParameterName, p.Value ?? DBNull.Value)).ToList());
}

/// <summary>Runs an EF query once on a context like the app's and keeps the command it sent (text and parameter values).</summary>
internal sealed class CapturedCommand : DbCommandInterceptor
{
    private SqlStatement? _last;

    public static async Task<SqlStatement> OfAsync<T>(BenchDatabase database, CallerScope scope, Func<SunlightDbContext, Task<T>> query)
    {
        var capture = new CapturedCommand();
        SunlightDbContext db = database.Provider == DatabaseProvider.Postgres
            ? new PostgresSunlightDbContext(new DbContextOptionsBuilder<PostgresSunlightDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(capture).Options, scope)
            : new SqliteSunlightDbContext(new DbContextOptionsBuilder<SqliteSunlightDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(capture).Options, scope);
        await using (db)
        {
            await query(db);
        }
        return capture._last ?? throw new InvalidOperationException("the query sent no command");
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _last = SqlStatement.Of(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
