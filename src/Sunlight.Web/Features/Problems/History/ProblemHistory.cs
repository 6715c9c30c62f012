using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.History;

internal sealed record TimelineEntry(DateTimeOffset At, string Actor, string Action, string Text);

/// <summary>The problem's whole history, read from the hash-chained audit log (the problem row and its progress reports).</summary>
internal sealed class ProblemHistory(SunlightDbContext db)
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["Measures"] = "整改措施", ["Deadline"] = "整改时限", ["Completion"] = "完成情况", ["VerificationOpinion"] = "核查意见",
        ["WrittenOffOn"] = "销账日期", ["DisputeReason"] = "异议理由", ["DisputeRuling"] = "裁定意见",
    };

    /// <summary>Call only for a problem the caller may see (the audit log itself is not scoped).</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForAsync(long problemId, CancellationToken ct)
    {
        var id = problemId.ToString(CultureInfo.InvariantCulture);
        var progressIds = (await db.Set<ProblemProgress>().AsNoTracking().Where(p => p.ProblemId == problemId).Select(p => p.Id).ToListAsync(ct))
            .Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Problem) && a.EntityId == id) || (a.EntityType == nameof(ProblemProgress) && progressIds.Contains(a.EntityId)))
            .OrderBy(a => a.Sequence)
            .ToListAsync(ct);
        return entries.Select(a => new TimelineEntry(a.OccurredAt, a.Actor, a.Action, Describe(a.EntityType, a.Action, a.Before, a.After))).ToList();
    }

    private static string Describe(string type, string action, string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        if (type == nameof(ProblemProgress))
        {
            return "报送整改进展：" + a.GetValueOrDefault("Note");
        }
        if (action == "Create")
        {
            return $"登记问题（{a.GetValueOrDefault("Category")}）：{a.GetValueOrDefault("Description")}";
        }
        var parts = new List<string>();
        if (a.ContainsKey("State"))
        {
            parts.Add($"状态：{StateName(b.GetValueOrDefault("State"))} → {StateName(a.GetValueOrDefault("State"))}");
        }
        foreach (var (field, name) in FieldNames)
        {
            if (a.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}：{Wording.Clause(value)}");
            }
        }
        // The parts are clauses of one sentence (typed text loses its own full stop: no "。；").
        return parts.Count == 0 ? "更新记录" : string.Join("；", parts) + "。";
    }

    private static string StateName(string? raw) =>
        int.TryParse(raw, out var n) && Enum.IsDefined(typeof(ProblemState), n) ? ProblemNames.State((ProblemState)n)
        : Enum.TryParse<ProblemState>(raw, out var s) ? ProblemNames.State(s) : raw ?? "";

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            }, StringComparer.Ordinal);
    }
}
