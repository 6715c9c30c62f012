using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>Filters of the audit log; dates are China dates, inclusive. <see cref="Before"/> is the keyset cursor (a sequence number).</summary>
internal sealed record AuditQuery(string? EntityType, string? EntityId, string? Actor, string? Action, DateOnly? From, DateOnly? To, long? Before, int? Limit);

internal sealed record AuditEntryDto(long Id, long Sequence, DateTimeOffset OccurredAt, string Actor, string EntityType, string EntityId,
    string Action, string? Before, string? After, string PreviousHash, string Hash)
{
    internal static AuditEntryDto From(AuditEntry e) => new(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.PreviousHash, e.Hash);
}

/// <summary>
/// The last stored chain verification (never computed on request): <see cref="Verified"/> false before the first run;
/// <see cref="VerifiedThrough"/> is the last entry found intact, <see cref="VerifiedAt"/> when the check ran.
/// </summary>
internal sealed record AuditVerifyResponse(bool Verified, bool Intact, long VerifiedThrough, long? BrokenSequence, long? BrokenId,
    string? Reason, DateTimeOffset? VerifiedAt, string Message);

/// <summary>An entity type the audit log can hold, with the name people read.</summary>
internal sealed record AuditEntityType(string Type, string Name);

internal sealed record AuditFieldChange(string Field, string? Before, string? After, bool Changed);

/// <summary>Reading the audit log: the filtered newest-first page, the chain check, and a readable before/after table.</summary>
internal static class AuditLog
{
    public static readonly IReadOnlyList<string> Actions = ["Create", "Update", "Delete", "StateChange", "RoleChange", "Lock", "Unlock", "PasswordReset"];

    public static string ActionName(string action) => action switch
    {
        "Create" => "新建",
        "Update" => "修改",
        "Delete" => "删除",
        "StateChange" => "状态变更",
        "RoleChange" => "角色/权限变更",
        "Lock" => "锁定账号",
        "Unlock" => "解锁账号",
        "PasswordReset" => "重置密码",
        "Note" => "办理说明",
        "ViewIdentity" => "查看投诉人身份",
        _ => action,
    };

    public static async Task<Page<AuditEntryDto>> SearchAsync(DbSet<AuditEntry> entries, AuditQuery q, CancellationToken ct)
    {
        var limit = Paging.Limit(q.Limit);
        var query = entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.EntityType))
        {
            query = query.Where(e => e.EntityType == q.EntityType.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q.EntityId))
        {
            query = query.Where(e => e.EntityId == q.EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            query = query.Where(e => e.Actor == q.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = query.Where(e => e.Action == q.Action.Trim());
        }
        if (q.From is { } from)
        {
            var start = StartOfChinaDay(from);
            query = query.Where(e => e.OccurredAt >= start);
        }
        if (q.To is { } to)
        {
            var end = StartOfChinaDay(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }
        if (q.Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }
        // Projected straight into the DTO: no entity materialisation (bench lists: audit view on 10M entries).
        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1)
            .Select(e => new AuditEntryDto(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.PreviousHash, e.Hash))
            .ToListAsync(ct);
        return Paging.ToPage(rows, limit, r => r.Sequence);
    }

    /// <summary>
    /// What the last verification (background job or <c>verify-audit</c>) found; reads the checkpoint and, when the chain is
    /// broken, names the record the broken entry is about as people name it (企业 …, 投诉举报 TS…), not by its id.
    /// </summary>
    public static async Task<AuditVerifyResponse> ChainStatusAsync(Infrastructure.Database.SunlightDbContext db, RecordNames names, CancellationToken ct)
    {
        var c = await db.Set<AuditCheckpoint>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == AuditCheckpoint.SingletonId, ct);
        if (c is null)
        {
            return new AuditVerifyResponse(false, false, 0, null, null, null, null, "链校验：尚未校验（后台任务每 10 分钟校验新增记录，也可运行 verify-audit）");
        }
        var at = ChinaTime.Format(c.VerifiedAt);
        if (c.Intact)
        {
            return new AuditVerifyResponse(true, true, c.VerifiedSequence, null, null, null, c.VerifiedAt, $"链校验：完好，截至 第 {c.VerifiedSequence} 条，{at} 校验");
        }
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Id == c.BrokenEntryId).Select(e => new { e.EntityType, e.EntityId }).FirstOrDefaultAsync(ct);
        var about = entry is null ? "该条已被删除" : "关于" + await names.NameAsync(entry.EntityType, entry.EntityId, ct);
        return new AuditVerifyResponse(true, false, c.VerifiedSequence, c.BrokenSequence, c.BrokenEntryId, c.Reason, c.VerifiedAt,
            $"链校验：损坏，第 {c.BrokenSequence} 条（{about}）：{c.Reason}；{at} 校验");
    }

    /// <summary>
    /// The types the entity-type filter offers: every auditable entity of the model plus user accounts (audited by hand),
    /// known from the code rather than read from the log, so the filter costs nothing however long the log grows.
    /// </summary>
    public static IReadOnlyList<AuditEntityType> EntityTypes(Infrastructure.Database.SunlightDbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IAuditable).IsAssignableFrom(t) || t == typeof(Infrastructure.Identity.AppUser))
            .Distinct().Select(t => new AuditEntityType(t.Name, DisplayNames.Entity(t))).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();


    /// <summary>Both images side by side, one row per field; a create has no "before", a delete no "after".</summary>
    public static List<AuditFieldChange> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        var keys = b.Keys.Concat(a.Keys.Where(k => !b.ContainsKey(k))).ToList();
        return keys.Select(k =>
        {
            var bv = b.TryGetValue(k, out var x) ? x : null;
            var av = a.TryGetValue(k, out var y) ? y : null;
            return new AuditFieldChange(k, bv, av, before is not null && after is not null ? bv != av : true);
        }).ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["（值）"] = doc.RootElement.ToString() };
            }
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
        }
        catch (JsonException)
        {
            return new() { ["（原文）"] = json };
        }
    }

    private static DateTimeOffset StartOfChinaDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
}
