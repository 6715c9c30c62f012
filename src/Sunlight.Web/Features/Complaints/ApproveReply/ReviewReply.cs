using Sunlight.Web.Features.Platform.Notifications;

namespace Sunlight.Web.Features.Complaints.ApproveReply;

public sealed record ReviewReplyInput(bool Approve, string? Comment = null, Guid? Version = null);

/// <summary>The Supervisor approves the unit's reply (the reporter then sees it) or sends it back with a comment.</summary>
public sealed class ReviewReply(ComplaintStep step, Notifier notifier)
{
    public async Task<Complaint?> RunAsync(long id, ReviewReplyInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        if (input.Approve)
        {
            c.ApproveReply(step.Now);
            step.Log(c, "答复", c.Reply, isPublic: true);
        }
        else
        {
            c.SendReplyBack(string.IsNullOrWhiteSpace(input.Comment) ? "答复需修改。" : input.Comment.Trim());
            step.Log(c, "答复退回修改", c.ReviewComment);
            await notifier.ToUnitAsync(c.AssignedUnitId!.Value, $"投诉答复需修改：{c.TrackingCode}", c.ReviewComment!, $"/Complaints/Detail/{c.Id}", ct);
        }
        await step.SaveAsync(ct);
        return c;
    }
}
