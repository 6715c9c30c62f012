using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>Filters of the audit log; dates are China dates, inclusive. <see cref="Before"/> is the keyset cursor (a sequence number).</summary>
public sealed record AuditQuery(string? EntityType, string? EntityId, string? Actor, string? Action, DateOnly? From, DateOnly? To, long? Before, int? Limit);

public sealed record AuditEntryDto(long Id, long Sequence, DateTimeOffset OccurredAt, string Actor, string EntityType, string EntityId,
    string Action, string? Before, string? After, string PreviousHash, string Hash)
{
    internal static AuditEntryDto From(AuditEntry e) => new(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.PreviousHash, e.Hash);
}

public sealed record AuditVerifyResponse(bool Intact, int Count, long? BrokenSequence, long? BrokenId, string? Reason, string Message);

public sealed record AuditFieldChange(string Field, string? Before, string? After, bool Changed);

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
        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        return Paging.ToPage(rows.Select(AuditEntryDto.From).ToList(), limit, r => r.Sequence);
    }

    public static async Task<AuditVerifyResponse> VerifyAsync(Infrastructure.Database.SunlightDbContext db, CancellationToken ct)
    {
        var count = await db.AuditEntries.CountAsync(ct);
        var broken = await AuditChain.VerifyAsync(db, ct);
        if (broken is null)
        {
            return new AuditVerifyResponse(true, count, null, null, null, $"审计链完整，共 {count} 条记录。");
        }
        var (e, reason) = broken.Value;
        return new AuditVerifyResponse(false, count, e.Sequence, e.Id, reason,
            $"审计链在第 {e.Sequence} 条记录处断开（{e.EntityType}#{e.EntityId}，{ActionName(e.Action)}，{ChinaTime.Format(e.OccurredAt)}）：{reason}");
    }

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
