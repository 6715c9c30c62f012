using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>An audit entry as people read it: the entity's Chinese name and the row's label, the actor's name.</summary>
internal sealed record AuditRow(AuditEntryDto Entry, string EntityName, string? Label, string ActorName);

/// <summary>
/// The audit log made readable for 纪委 and 检察院: entity and field names from the display names kept next to each
/// entity, enum values by their Chinese names, units and other referenced rows by name, people by their display name,
/// instants in China Standard Time. The stored images stay as they are (the hash chain covers them).
/// </summary>
internal sealed class AuditReader(SunlightDbContext db, RecordNames names)
{
    /// <summary>Image keys that are not properties of the entity (hand-written entries: accounts, notes).</summary>
    private static readonly Dictionary<string, string> OtherFields = new()
    {
        ["UserName"] = "用户名", ["Role"] = "角色", ["Note"] = "事项", ["Text"] = "内容", ["viewed"] = "查看内容",
    };

    private static readonly Dictionary<string, string> OtherValues = new() { ["ReporterIdentity"] = "投诉人身份" };

    public async Task<IReadOnlyList<AuditRow>> RowsAsync(IReadOnlyList<AuditEntryDto> entries, CancellationToken ct)
    {
        var labels = await names.LabelsAsync(entries.Select(e => (e.EntityType, e.EntityId)), ct);
        var actors = await names.PeopleAsync(entries.Select(e => e.Actor), ct);
        return entries.Select(e => new AuditRow(e, names.EntityName(e.EntityType),
            labels.TryGetValue((e.EntityType, e.EntityId), out var l) ? l : names.TypeOf(e.EntityType) is null ? null : LabelWithoutRow(e),
            actors.GetValueOrDefault(e.Actor, e.Actor))).ToList();
    }

    /// <summary>Rows whose key is itself readable (a calendar day's date); otherwise none.</summary>
    private static string? LabelWithoutRow(AuditEntryDto e) => DateOnly.TryParse(e.EntityId, CultureInfo.InvariantCulture, out _) ? e.EntityId : null;

    /// <summary>The entry's fields with readable names and values; an update shows what changed.</summary>
    public async Task<List<AuditFieldChange>> FieldsAsync(AuditEntryDto e, CancellationToken ct)
    {
        var type = names.TypeOf(e.EntityType);
        var entity = type is null ? null : db.Model.FindEntityType(type);
        var raw = AuditLog.Fields(e.Before, e.After).Where(f => f.Field is not ("Id" or "Version")).ToList();
        var pairedTypes = raw.ToDictionary(f => f.Field, f => f.After ?? f.Before);

        // A field that points at another row: by foreign key (UnitId → 执法单位), or by a type field beside it (SubjectType + SubjectId).
        string? Target(string field) =>
            entity?.FindProperty(field)?.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType.ClrType.Name
            ?? (field.EndsWith("Id", StringComparison.Ordinal) && pairedTypes.GetValueOrDefault(field[..^2] + "Type") is { } t ? t : null);
        var refs = raw.SelectMany(f => Target(f.Field) is { } t ? new[] { (t, f.Before), (t, f.After) } : [])
            .Where(r => r.Item2 is not null).Select(r => (r.t, r.Item2!));
        var labels = await names.LabelsAsync(refs, ct);

        string? Value(string field, string? value)
        {
            if (value is null)
            {
                return null;
            }
            if (Target(field) is { } target)
            {
                return labels.TryGetValue((target, value), out var label) ? label : names.EntityName(target);
            }
            if (field.EndsWith("Type", StringComparison.Ordinal) && names.TypeOf(value) is not null)
            {
                return names.EntityName(value);
            }
            var clr = type?.GetProperty(field)?.PropertyType is { } p ? Nullable.GetUnderlyingType(p) ?? p : null;
            if (clr is { IsEnum: true } && Enum.TryParse(clr, value, out var parsed))
            {
                return DisplayNames.Enum((Enum)parsed!);
            }
            if (clr == typeof(bool) || value is "true" or "false")
            {
                return value == "true" ? "是" : value == "false" ? "否" : value;
            }
            if ((clr == typeof(DateTimeOffset) || clr is null) && value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return ChinaTime.Format(at);
            }
            return OtherValues.GetValueOrDefault(value, value);
        }

        return raw.Select(f => new AuditFieldChange(
            (type is null ? null : DisplayNames.Field(type, f.Field)) ?? OtherFields.GetValueOrDefault(f.Field, f.Field),
            Value(f.Field, f.Before), Value(f.Field, f.After), f.Changed)).ToList();
    }
}
