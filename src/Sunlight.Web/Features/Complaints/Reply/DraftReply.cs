using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Reply;

public sealed record ReplyInput(string? Text, Guid? Version = null);

/// <summary>答复: the assigned unit drafts the reply; the Supervisor approves it before the reporter sees it.</summary>
public sealed class DraftReply(ComplaintStep step, Notifier notifier)
{
    public async Task<Complaint?> RunAsync(long id, ReplyInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.DraftReplyText(input.Text!.Trim());
        step.Log(c, "提交答复", c.DraftReply);
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉答复待审核：{c.TrackingCode}", "办理单位已提交答复，请审核。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}
