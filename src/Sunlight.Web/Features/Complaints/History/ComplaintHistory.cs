using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.History;

/// <summary>
/// A complaint's staff history (ADR 0004): a projection of its audit entries, in Chinese — who did which step when, with
/// the step's text (交办 X，办理期限 …; 退回理由; 答复 …). The public timeline the reporter sees stays in
/// <see cref="ComplaintEvent"/>. Reading the reporter's identity is audited but is not a step of the matter: not shown.
/// The images are read field by field; secrets in them (PIN hash, token, protected identity) are never described.
/// </summary>
internal sealed class ComplaintHistory(SunlightDbContext db)
{
    /// <summary>The action of a staff note that has no column of its own (受理意见, 办结说明, 合并了重复投诉 …).</summary>
    public const string NoteAction = "Note";

    /// <summary>Call only for a complaint the caller may see (the audit log itself is not scoped).</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForAsync(long complaintId, CancellationToken ct)
    {
        var id = complaintId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Complaint) && a.EntityId == id && a.Action != ReporterIdentityReader.ViewIdentity)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.OccurredAt, a.Actor, a.Action, a.Before, a.After })
            .ToListAsync(ct);
        var images = entries.Select(e => (e.OccurredAt, e.Actor, e.Action, Image: Image(e.Before, e.After))).ToList();
        var units = await db.UnitNamesAsync(images.Select(e => Long(e.Image.After.GetValueOrDefault(nameof(Complaint.AssignedUnitId)))), ct);
        return images
            .Select(e => Describe(e.Action, e.Image.Before, e.Image.After, units) is { } line ? new TimelineEntry(e.OccurredAt, e.Actor, line.Kind, line.Text) : null)
            .OfType<TimelineEntry>()
            .ToList();
    }

    private static (Dictionary<string, string?> Before, Dictionary<string, string?> After) Image(string? before, string? after)
    {
        var fields = AuditLog.Fields(before, after);
        return (fields.ToDictionary(f => f.Field, f => f.Before), fields.ToDictionary(f => f.Field, f => f.After));
    }

    private static (string Kind, string? Text)? Describe(string action, Dictionary<string, string?> b, Dictionary<string, string?> a, IReadOnlyDictionary<long, string> units)
    {
        string? Get(string field) => a.GetValueOrDefault(field);
        string Unit() => Long(Get(nameof(Complaint.AssignedUnitId))) is { } u ? units.GetValueOrDefault(u, "") : "";
        if (action == NoteAction)
        {
            return (Get("Note") ?? "备注", Get("Text"));
        }
        if (action == "Create")
        {
            var channel = Enum.TryParse<ComplaintChannel>(Get(nameof(Complaint.Channel)), out var ch) ? ComplaintText.Channel(ch) : "";
            var state = Enum.TryParse<ComplaintState>(Get(nameof(Complaint.State)), out var s) ? s : ComplaintState.Received;
            return ("收到投诉", $"通过{channel}登记" + (state == ComplaintState.Received ? "" : $"（登记时状态：{ComplaintText.State(state)}）"));
        }
        if (a.ContainsKey(nameof(Complaint.State)) && Enum.TryParse<ComplaintState>(Get(nameof(Complaint.State)), out var to))
        {
            var from = Enum.TryParse<ComplaintState>(b.GetValueOrDefault(nameof(Complaint.State)), out var f) ? f : ComplaintState.Received;
            return (from, to) switch
            {
                (ComplaintState.Received, ComplaintState.Accepted) => ("受理", null),
                (_, ComplaintState.Accepted) => ("退回", "退回理由：" + Get(nameof(Complaint.LastReturnReason))),
                (_, ComplaintState.Rejected) => ("不予受理", "理由：" + Get(nameof(Complaint.RejectionReason))),
                (_, ComplaintState.Merged) => ("合并办理", "并入另一件投诉办理"),
                (ComplaintState.Accepted, ComplaintState.Assigned) => ("交办",
                    $"办理单位：{Unit()}，办理期限 {Get(nameof(Complaint.ResolveDueDate))}" + (Get(nameof(Complaint.AssignmentNote)) is { Length: > 0 } note ? "；交办意见：" + Wording.Clause(note) : "")),
                (ComplaintState.ReplyDrafted, ComplaintState.Assigned) => ("答复退回修改", "审核意见：" + Get(nameof(Complaint.ReviewComment))),
                (_, ComplaintState.Assigned) => ("重新办理", $"投诉人不满意，重新办理，办理期限 {Get(nameof(Complaint.ResolveDueDate))}"),
                (_, ComplaintState.ReplyDrafted) => ("提交答复", Get(nameof(Complaint.DraftReply))),
                (_, ComplaintState.Replied) => ("同意答复", Get(nameof(Complaint.Reply))),
                (_, ComplaintState.Closed) => ("办结",
                    "核查结论：" + (Enum.TryParse<ComplaintFinding>(Get(nameof(Complaint.Finding)), out var finding) ? ComplaintText.Finding(finding) : "")
                    + (Get(nameof(Complaint.ProblemRaised)) == "true" ? "；已列入问题清单" : "")),
                _ => ("状态变更", $"{ComplaintText.State(from)} → {ComplaintText.State(to)}"),
            };
        }
        if (a.ContainsKey(nameof(Complaint.PausedOn)))
        {
            return Get(nameof(Complaint.PausedOn)) is { } since
                ? ("暂停计时", $"自 {since} 起暂停计时，原因：{Get(nameof(Complaint.PauseReason))}")
                : ("恢复计时", $"恢复计时，期限顺延至 {Get(nameof(Complaint.ResolveDueDate)) ?? Get(nameof(Complaint.AcceptDueDate))}（累计暂停 {Get(nameof(Complaint.PausedWorkingDays))} 个工作日）");
        }
        if (Enum.TryParse<ExtensionState>(Get(nameof(Complaint.Extension)), out var extension))
        {
            return extension switch
            {
                ExtensionState.Requested => ("申请延期", "延期理由：" + Get(nameof(Complaint.ExtensionReason))),
                ExtensionState.Approved => ("批准延期", $"办理期限延至 {Get(nameof(Complaint.ResolveDueDate))}"),
                _ => ("不批准延期", null),
            };
        }
        if (a.ContainsKey(nameof(Complaint.Satisfied)))
        {
            return ("投诉人评价", (Get(nameof(Complaint.Satisfied)) == "true" ? "满意" : "不满意") + (Get(nameof(Complaint.RatingComment)) is { Length: > 0 } c ? "：" + c : ""));
        }
        if (Get(nameof(Complaint.ProblemRaised)) == "true")
        {
            return ("列入问题清单", "投诉经核查属实，已列入问题清单督促整改。");
        }
        return a.Keys.Any(k => k != nameof(Complaint.Version)) ? ("更新记录", null) : null;
    }

    private static long? Long(string? value) => long.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;
}
