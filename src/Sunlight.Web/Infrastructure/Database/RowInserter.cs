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
        var key = await _command.ExecuteScalarAsync(ct);
        _key.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The same JSON image <c>AuditCapture.Snapshot</c> writes for a row EF inserted.</summary>
    public string Snapshot(T entity) =>
        Audit.AuditCapture.Serialize(_all.ToDictionary(p => p.Name, p => p.GetGetter().GetClrValue(entity)));
}
