using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.WorkItems;

/// <summary>
/// The problems waiting on the caller: the unit's own to plan (by the plan due date), rectify or resubmit (by the
/// rectification deadline); the Supervisor's rectifications to verify, disputes to rule on and overdue rectifications to
/// 督办; for an enterprise, the problems raised from its complaints, with their state.
/// </summary>
internal sealed class ProblemWorkItems(SunlightDbContext db, ComplaintAccess complaints, IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    private const string Area = "问题整改";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = db.Set<Problem>().AsNoTracking();
        if ((await authorization.AuthorizeAsync(user, ComplaintPolicies.FollowOwn)).Succeeded)
        {
            var ids = await complaints.NamingOwnEnterprise().Select(c => c.Id).ToListAsync(ct);
            var raised = await problems.Where(p => p.Source == ProblemSource.Complaint && p.SourceId != null && ids.Contains(p.SourceId.Value))
                .Select(p => new { p.Number, p.Category, p.State }).ToListAsync(ct);
            return raised.Select(p => new WorkItem(Area, $"{p.Number} {p.Category}", ProblemNames.State(p.State), null, null)).ToList();
        }
        if ((await authorization.AuthorizeAsync(user, ProblemPolicies.Rectify)).Succeeded)
        {
            // The query filter keeps the unit to its own problems.
            var own = await problems.Where(p => p.State == ProblemState.Raised || p.State == ProblemState.Rectifying)
                .Select(p => new { p.Number, p.Category, p.State, p.PlanDueOn, p.Deadline, p.RejectionCount }).ToListAsync(ct);
            return own.Select(p => p.State == ProblemState.Raised
                ? new WorkItem(Area, $"{p.Number} {p.Category}", "制定整改措施", Problem.DetailsLink(p.Number), p.PlanDueOn)
                : new WorkItem(Area, $"{p.Number} {p.Category}", p.RejectionCount > 0 ? "重新整改并提交核账（核账退回）" : "整改并提交核账", Problem.DetailsLink(p.Number), p.Deadline))
                .ToList();
        }
        if ((await authorization.AuthorizeAsync(user, ProblemPolicies.Verify)).Succeeded)
        {
            var today = ChinaTime.Today(clock);
            var waiting = await problems.Where(p => p.State == ProblemState.AwaitingVerification || p.State == ProblemState.Disputed)
                .Select(p => new { p.Number, p.Category, p.State, UnitName = p.Unit!.Name }).ToListAsync(ct);
            var overdue = await problems.WhereOverdue(today)
                .Select(p => new { p.Number, p.Category, p.Deadline, UnitName = p.Unit!.Name }).ToListAsync(ct);
            return waiting.Select(p => new WorkItem(Area, $"{p.Number} {p.UnitName} {p.Category}", p.State == ProblemState.Disputed ? "裁定异议" : "核账", Problem.DetailsLink(p.Number), null))
                .Concat(overdue.Select(p => new WorkItem(Area, $"{p.Number} {p.UnitName} {p.Category}", "逾期未整改，督办", Problem.DetailsLink(p.Number), p.Deadline)))
                .ToList();
        }
        return [];
    }
}
