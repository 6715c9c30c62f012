using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// Bulk rows for one entity's table, no EF per row: column names and value conversions come from the EF model (so rows
/// are stored as the app stores them), then PostgreSQL gets one binary COPY and SQLite one prepared INSERT run per row
/// inside a single transaction. Every non-nullable column except a generated key must be given.
/// </summary>
internal sealed class BulkTable
{
    private readonly string _table;
    private readonly (string Column, IProperty Property, RelationalTypeMapping Mapping)[] _columns;

    private BulkTable(string table, (string, IProperty, RelationalTypeMapping)[] columns)
    {
        _table = table;
        _columns = columns;
    }

    public static BulkTable For<T>(SunlightDbContext db, params string[] properties)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var missing = entityType.GetProperties()
            .Where(p => !p.IsNullable && !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never) && !properties.Contains(p.Name))
            .Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name}: no value for the non-nullable {string.Join(", ", missing)}");
        }
        return new BulkTable(table.Name, properties.Select(name =>
        {
            var p = entityType.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped");
            return (p.GetColumnName(table)!, p, (RelationalTypeMapping)p.GetTypeMapping());
        }).ToArray());
    }

    private object? Store(int i, object? value) =>
        value is null ? null : _columns[i].Mapping.Converter is { } c ? c.ConvertToProvider(value) : value;

    /// <summary>Writes the rows (CLR values in the order of the properties given) and returns how many.</summary>
    public async Task<long> LoadAsync(BenchDatabase database, IEnumerable<object?[]> rows)
    {
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        long n = 0;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Index maintenance makes the end of a big COPY take minutes: no command timeout.
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
            await conn.OpenAsync();
            await using var copy = await conn.BeginBinaryImportAsync($"COPY \"{_table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                for (var i = 0; i < _columns.Length; i++)
                {
                    if (Store(i, row[i]) is { } v)
                    {
                        await copy.WriteAsync(v);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }
                }
                n++;
            }
            await copy.CompleteAsync();
            return n;
        }
        await using (var conn = new SqliteConnection(database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO \"{_table}\" ({columns}) VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))})";
            var parameters = _columns.Select((c, i) => (SqliteParameter)c.Mapping.CreateParameter(cmd, "@p" + i, null, c.Property.IsNullable)).ToArray();
            cmd.Parameters.AddRange(parameters);
            cmd.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = Store(i, row[i]) ?? DBNull.Value;
                }
                cmd.ExecuteNonQuery();
                n++;
            }
            await tx.CommitAsync();
        }
        return n;
    }
}
