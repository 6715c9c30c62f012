using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Extend;

public sealed record ExtensionRequestInput(string? Reason, Guid? Version = null);

public sealed record ExtensionDecisionInput(bool Approve, Guid? Version = null);

/// <summary>延期: the unit asks once; the Supervisor approves (the deadline moves by the configured days) or refuses.</summary>
public sealed class Extension(ComplaintStep step, Notifier notifier)
{
    public async Task<Complaint?> RequestAsync(long id, ExtensionRequestInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.RequestExtension(input.Reason!.Trim());
        step.Log(c, "申请延期", c.ExtensionReason);
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉延期申请：{c.TrackingCode}", "理由：" + c.ExtensionReason, $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }

    public async Task<Complaint?> DecideAsync(long id, ExtensionDecisionInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        var extended = input.Approve && c.ResolveDueDate is { } due ? step.Calendar.AddNaturalDays(due, step.Options.ExtensionDays) : null;
        c.DecideExtension(input.Approve, extended);
        step.Log(c, input.Approve ? "批准延期" : "不批准延期", input.Approve ? $"办理期限延至 {c.ResolveDueDate:yyyy-MM-dd}" : null);
        await notifier.ToUnitAsync(c.AssignedUnitId!.Value, $"延期申请{(input.Approve ? "已批准" : "未批准")}：{c.TrackingCode}",
            input.Approve ? $"办理期限延至 {c.ResolveDueDate:yyyy-MM-dd}。" : "请按原期限办理。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}
