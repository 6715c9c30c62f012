namespace Sunlight.Web.Features.Complaints.Close;

public sealed record CloseInput(ComplaintFinding Finding, string? Note = null, Guid? Version = null);

/// <summary>办结 with the finding; a substantiated complaint raises a problem in the ledger in the same commit.</summary>
public sealed class CloseComplaint(ComplaintStep step, ComplaintProblemLink problems)
{
    public async Task<Complaint?> RunAsync(long id, CloseInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(id, input.Version, ct);
        if (c is null)
        {
            return null;
        }
        c.Close(step.Now, input.Finding);
        step.Log(c, "办结", $"核查结论：{ComplaintText.Finding(input.Finding)}" + (string.IsNullOrWhiteSpace(input.Note) ? "" : "；" + input.Note.Trim()));
        step.Log(c, "办结", "您的投诉已办结。", isPublic: true);
        if (input.Finding is ComplaintFinding.Substantiated or ComplaintFinding.PartlySubstantiated)
        {
            await problems.RaiseAsync(c, ct);
        }
        await step.SaveAsync(ct);
        return c;
    }
}
