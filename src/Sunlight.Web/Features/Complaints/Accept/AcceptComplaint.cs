namespace Sunlight.Web.Features.Complaints.Accept;

public sealed record AcceptInput(Guid? Version = null, string? Note = null);

/// <summary>受理: the Supervisor takes the complaint on; it then waits for 交办.</summary>
public sealed class AcceptComplaint(ComplaintStep step)
{
    public async Task<Complaint?> RunAsync(long id, AcceptInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.Accept(step.Now);
        step.Log(c, "受理", "您的投诉已受理。", isPublic: true);
        if (!string.IsNullOrWhiteSpace(input.Note))
        {
            step.Log(c, "受理意见", input.Note.Trim());
        }
        await step.SaveAsync(ct);
        return c;
    }
}
