using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Audit;

/// <summary>
/// How people name a stored row: its entity's Chinese name and its label (<see cref="RecordLabelAttribute"/>: a
/// complaint's 查询码, a problem's 编号, a unit's 名称) — never "Complaint #31". Read in the caller's scope; a row the
/// caller cannot see keeps only its entity's name.
/// </summary>
internal sealed class RecordNames(SunlightDbContext db)
{
    public Type? TypeOf(string entityType) =>
        db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType && !t.HasSharedClrType)?.ClrType;

    public string EntityName(string entityType) => TypeOf(entityType) is { } t ? DisplayNames.Entity(t) : "记录";

    /// <summary>The labels of these rows, by (entity type, id); rows without a label or out of scope are left out.</summary>
    public async Task<IReadOnlyDictionary<(string Type, string Id), string>> LabelsAsync(IEnumerable<(string Type, string Id)> rows, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var group in rows.Distinct().GroupBy(r => r.Type))
        {
            if (TypeOf(group.Key) is not { } type || type.GetCustomAttribute<RecordLabelAttribute>() is not { } label)
            {
                continue;
            }
            var ids = group.Select(r => r.Id).ToList();
            var read = (Task<Dictionary<string, string>>)typeof(RecordNames).GetMethod(nameof(ReadLabelsAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [ids, label.Property, ct])!;
            foreach (var (id, text) in await read)
            {
                result[(group.Key, id)] = text;
            }
        }
        return result;
    }

    /// <summary>"投诉举报 TS2026…" for one row (the entity's name alone when it has no label the caller may read).</summary>
    public async Task<string> NameAsync(string entityType, string id, CancellationToken ct) =>
        (await LabelsAsync([(entityType, id)], ct)).TryGetValue((entityType, id), out var label)
            ? $"{EntityName(entityType)} {label}"
            : EntityName(entityType);

    /// <summary>People by their display name instead of their login (supervisor → 张科长); "system" is 系统.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PeopleAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        var wanted = userNames.Distinct().ToList();
        var found = await db.Users.AsNoTracking().Where(u => u.UserName != null && wanted.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var result = found.ToDictionary(u => u.UserName!, u => u.DisplayName);
        foreach (var system in wanted.Where(a => a is "system"))
        {
            result[system] = "系统";
        }
        return result;
    }

    private async Task<Dictionary<string, string>> ReadLabelsAsync<T>(List<string> ids, string label, CancellationToken ct) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0];
        if (key.ClrType == typeof(long))
        {
            var numbers = ids.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).Where(v => v >= 0).ToList();
            var rows = await db.Set<T>().AsNoTracking().Where(e => numbers.Contains(EF.Property<long>(e, key.Name)))
                .Select(e => new { Id = EF.Property<long>(e, key.Name), Label = EF.Property<string>(e, label) }).ToListAsync(ct);
            // A label not yet given (an inspection's code before approval) leaves the row named by its entity alone.
            return rows.Where(r => r.Label != null).ToDictionary(r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.Label);
        }
        if (key.ClrType == typeof(string))
        {
            var rows = await db.Set<T>().AsNoTracking().Where(e => ids.Contains(EF.Property<string>(e, key.Name)))
                .Select(e => new { Id = EF.Property<string>(e, key.Name), Label = EF.Property<string>(e, label) }).ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => r.Label);
        }
        return [];
    }
}
