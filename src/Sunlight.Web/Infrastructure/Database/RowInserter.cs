using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sunlight.Web.Infrastructure.Database;

/// <summary>
/// Inserts rows of one entity type with one prepared INSERT ... RETURNING command on the context's open transaction,
/// bypassing change tracking. For hot write paths only (public intake): column names, value conversions and parameter
/// types all come from the EF model, so rows are stored exactly as EF would store them, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class RowInserter<T> where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;
    private readonly IProperty _key;
    private readonly IProperty[] _all;

    public RowInserter(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped");
        _key = entityType.FindPrimaryKey()!.Properties.Single();
        _all = entityType.GetProperties().ToArray();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _command = db.Database.GetDbConnection().CreateCommand();
        // Each parameter is typed once by its mapping (e.g. Guid as TEXT on SQLite); a row only sets the values.
        _columns = _all
            .Where(p => p != _key || p.ValueGenerated == ValueGenerated.Never)
            .Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetTypeMapping();
                var parameter = mapping.CreateParameter(_command, "@p" + i, null, p.IsNullable);
                _command.Parameters.Add(parameter);
                return (p, mapping, parameter);
            })
            .ToArray();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("RowInserter needs an open transaction");
        _command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", _columns.Select((_, i) => "@p" + i))}) RETURNING \"{_key.GetColumnName(table)}\"";
    }

    /// <summary>Inserts the row and writes the generated key back to the entity.</summary>
    public async Task InsertAsync(T entity, CancellationToken ct)
    {
        foreach (var (property, mapping, parameter) in _columns)
        {
            // The mapping's converter stores the value as EF would (enum → string, DateTimeOffset → binary on SQLite, ...).
            var value = property.GetGetter().GetClrValue(entity);
            parameter.Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
        SetKey(entity, (await _command.ExecuteScalarAsync(ct))!);
    }

    /// <summary>
    /// Inserts the rows in order and writes their keys back. Where the provider batches (PostgreSQL), all rows go in one
    /// round trip; SQLite runs in-process, where a prepared statement per row is as fast.
    /// </summary>
    public async Task InsertAllAsync(IReadOnlyList<T> entities, CancellationToken ct)
    {
        var connection = _command.Connection!;
        if (entities.Count < 2 || !connection.CanCreateBatch)
        {
            foreach (var entity in entities)
            {
                await InsertAsync(entity, ct);
            }
            return;
        }
        await using var batch = connection.CreateBatch();
        batch.Transaction = _command.Transaction;
        foreach (var entity in entities)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = _command.CommandText;
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping, _) = _columns[i];
                command.Parameters.Add(mapping.CreateParameter(_command, "@p" + i, property.GetGetter().GetClrValue(entity), property.IsNullable));
            }
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var entity in entities)
        {
            // Each INSERT ... RETURNING yields one result set, in the order the commands were added.
            await reader.ReadAsync(ct);
            SetKey(entity, reader.GetValue(0));
            await reader.NextResultAsync(ct);
        }
    }

    private void SetKey(T entity, object key) =>
        _key.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The same JSON image <c>AuditCapture.Snapshot</c> writes for a row EF inserted.</summary>
    public string Snapshot(T entity) =>
        Audit.AuditCapture.Serialize(_all.ToDictionary(p => p.Name, p => Audit.AuditCapture.Shown(p, p.GetGetter().GetClrValue(entity))));
}
