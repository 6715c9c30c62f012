using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Return;

public sealed record ReturnInput(string? Reason, Guid? Version = null);

/// <summary>退回: the unit hands a complaint back with a reason (not its competence ...); the Supervisor reassigns.</summary>
public sealed class ReturnComplaint(ComplaintStep step, Notifier notifier)
{
    public async Task<Complaint?> RunAsync(long id, ReturnInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.Return(input.Reason!.Trim());
        step.Log(c, "退回", "单位退回，理由：" + c.LastReturnReason);
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉被退回：{c.TrackingCode}", "退回理由：" + c.LastReturnReason, $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}
