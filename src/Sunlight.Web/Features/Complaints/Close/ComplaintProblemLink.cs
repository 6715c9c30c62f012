namespace Sunlight.Web.Features.Complaints.Close;

/// <summary>
/// The one place where a substantiated complaint reaches the problem ledger (问题清单, source 投诉). Adds to the
/// caller's DbContext without saving: the close step's one SaveChanges commits the complaint and the problem together.
/// </summary>
public sealed class ComplaintProblemLink(ComplaintStep step)
{
    public Task RaiseAsync(Complaint complaint, CancellationToken ct)
    {
        if (complaint.ProblemRaised || complaint.AssignedUnitId is null)
        {
            return Task.CompletedTask;
        }
        // INTEGRATION: ProblemLedger.RaiseAsync — when the problem ledger lands, call
        // problemLedger.RaiseAsync(new RaiseProblemRequest(unit: complaint.AssignedUnitId, source: 投诉, sourceId: complaint.Id,
        // title: category + tracking code, description: the matter without any reporter identity), ct) here.
        complaint.ProblemRaised = true;
        step.Log(complaint, "列入问题清单", "投诉经核查属实，已列入问题清单督促整改。");
        _ = ct;
        return Task.CompletedTask;
    }
}
