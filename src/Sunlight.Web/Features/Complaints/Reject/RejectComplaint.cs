namespace Sunlight.Web.Features.Complaints.Reject;

public sealed record RejectInput(string? Reason, Guid? Version = null);

/// <summary>不予受理, with a reason the reporter sees on the status page.</summary>
public sealed class RejectComplaint(ComplaintStep step)
{
    public async Task<Complaint?> RunAsync(long id, RejectInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.Reject(input.Reason!.Trim());
        step.Log(c, "不予受理", "不予受理，理由：" + c.RejectionReason, isPublic: true);
        await step.SaveAsync(ct);
        return c;
    }
}
