using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Complaints.Assign;

public sealed record AssignInput(long UnitId, DateOnly? DueDate = null, string? Note = null, Guid? Version = null);

/// <summary>
/// 交办 to a unit with a deadline (default: 30 days, rolled to a working day). The unit is told about the matter;
/// the referral carries no identity — the unit's DTOs have no identity fields at all.
/// </summary>
public sealed class AssignComplaint(ComplaintStep step, Notifier notifier)
{
    public async Task<Complaint?> RunAsync(long id, AssignInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        var unit = await step.Db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement && u.IsActive, ct)
            ?? throw new Infrastructure.Api.RuleViolationException("C-UNIT", "交办单位不存在或已停用。");
        var due = input.DueDate is { } d
            ? (d <= step.Today ? throw new Infrastructure.Api.RuleViolationException("C-DUE", "办理期限必须晚于今天。") : new Infrastructure.Calendar.Deadline(d, false))
            : step.Calendar.AddNaturalDays(step.Today, step.Options.ResolveDays);
        c.Assign(unit.Id, step.Now, due, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
        step.Log(c, "交办", $"交办{unit.Name}，办理期限 {due.Date:yyyy-MM-dd}" + (c.AssignmentNote is null ? "" : $"；交办意见：{c.AssignmentNote}"));
        step.Log(c, "交办", "已交办相关部门办理。", isPublic: true);
        await notifier.ToUnitAsync(unit.Id, $"投诉交办：{c.TrackingCode}", $"县司法局交办投诉 {c.TrackingCode}，请于 {due.Date:yyyy-MM-dd} 前办理并答复。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}
