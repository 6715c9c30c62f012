namespace Sunlight.Web.Features.Complaints.Merge;

public sealed record MergeInput(long TargetId, Guid? Version = null);

/// <summary>合并: a duplicate is handled with the earlier complaint; its reporter follows the target's progress.</summary>
public sealed class MergeComplaint(ComplaintStep step)
{
    /// <summary>Null when either complaint is not visible to the caller.</summary>
    public async Task<Complaint?> RunAsync(long id, MergeInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        var target = c is null ? null : await step.LoadAsync(input.TargetId, null, ct);
        if (c is null || target is null)
        {
            return null;
        }
        c.MergeInto(target);
        step.Log(c, "合并办理", "您反映的问题已与同类投诉合并办理，办理结果将在此显示。", isPublic: true);
        step.Log(target, "合并", $"合并了重复投诉 {c.TrackingCode}");
        await step.SaveAsync(ct);
        return c;
    }
}
