using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Raise;

namespace Sunlight.Web.Features.Complaints.Close;

/// <summary>
/// The one place where a substantiated complaint reaches the problem ledger (问题清单, source 投诉). The ledger adds to
/// the caller's DbContext without saving: the close step's one SaveChanges commits the complaint and the problem
/// together. The problem carries the matter only — never the reporter.
/// </summary>
internal sealed class ComplaintProblemLink(ComplaintStep step, ProblemLedger ledger)
{
    public async Task RaiseAsync(Complaint complaint, CancellationToken ct)
    {
        if (complaint.ProblemRaised || complaint.AssignedUnitId is not { } unitId)
        {
            return;
        }
        var category = await step.Db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.Id == complaint.CategoryId).Select(c => c.Name).SingleAsync(ct);
        await ledger.RaiseAsync(new RaiseProblemRequest(
            ProblemSource.Complaint, nameof(Complaint), complaint.Id, unitId, ProblemCategoryFor(category),
            complaint.Finding == ComplaintFinding.Substantiated ? ProblemSeverity.Moderate : ProblemSeverity.Minor,
            $"投诉 {complaint.TrackingCode}（{category}，核查{ComplaintText.Finding(complaint.Finding!.Value)}）：{complaint.Description}",
            step.Today, step.Db.Scope.ActorName), ct);
        complaint.ProblemRaised = true;
    }

    /// <summary>Complaint categories map onto the problem list's categories (ProblemNames).</summary>
    private static string ProblemCategoryFor(string complaintCategory) => complaintCategory switch
    {
        "多头检查" or "重复检查" or "随意检查" => "检查过多/多头检查",
        "简单粗暴" or "吃拿卡要" or "不作为" => "作风问题",
        "违规异地执法" or "乱查封" or "乱作为" or "过度执法" or "“一刀切”" => "执法程序",
        "乱罚款" or "乱收费" or "趋利性执法" or "选择性执法" => "法律适用",
        _ => "其他",
    };
}
