using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.WorkHome;

namespace Sunlight.Web.Features.Complaints.WorkItems;

/// <summary>
/// The complaints waiting on the caller: the Supervisor's intake queue (受理/交办 by the acceptance deadline), replies to
/// review, extensions to decide and replies to close; the unit's assigned complaints (答复 by the handling deadline,
/// first those whose reply was sent back); an enterprise's complaints that name it, with their progress.
/// </summary>
internal sealed class ComplaintWorkItems(ComplaintAccess access, IAuthorizationService authorization) : IWorkItemSource
{
    private const string Area = "投诉举报";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await authorization.AuthorizeAsync(user, ComplaintPolicies.FollowOwn)).Succeeded)
        {
            var own = await access.NamingOwnEnterprise().AsNoTracking().OrderByDescending(c => c.Id).Take(200)
                .Select(c => new { c.TrackingCode, c.State, Category = c.Category!.Name, c.ReceivedAt }).ToListAsync(ct);
            return own.Select(c => new WorkItem(Area, $"{c.TrackingCode} {c.Category}（{ChinaTime.Format(c.ReceivedAt)} 收到）",
                ComplaintText.PublicState(c.State), null, null)).ToList();
        }
        var supervise = (await authorization.AuthorizeAsync(user, ComplaintPolicies.Supervise)).Succeeded;
        var handle = (await authorization.AuthorizeAsync(user, ComplaintPolicies.Handle)).Succeeded;
        if (!supervise && !handle)
        {
            return [];
        }
        var rows = await access.Visible().AsNoTracking()
            .Where(c => supervise
                ? c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.ReplyDrafted
                  || c.State == ComplaintState.Replied || (c.State == ComplaintState.Assigned && c.Extension == ExtensionState.Requested)
                : c.State == ComplaintState.Assigned)
            .Select(c => new { c.Id, c.TrackingCode, c.State, Category = c.Category!.Name, c.AcceptDueDate, c.ResolveDueDate, c.ReturnCount, c.ReviewComment, c.Extension })
            .ToListAsync(ct);
        return rows.Select(c =>
        {
            var (action, due) = c.State switch
            {
                ComplaintState.Received => ("受理", (DateOnly?)c.AcceptDueDate),
                ComplaintState.Accepted => (c.ReturnCount > 0 ? "重新交办（单位已退回）" : "交办", c.AcceptDueDate),
                ComplaintState.ReplyDrafted => ("审核答复", c.ResolveDueDate),
                ComplaintState.Replied => ("办结", null),
                ComplaintState.Assigned when supervise => ("审批延期申请", c.ResolveDueDate),
                _ => (c.ReviewComment is not null ? "修改答复（审核退回）" : "办理并答复", c.ResolveDueDate),
            };
            return new WorkItem(Area, $"{c.TrackingCode} {c.Category}", action, $"/Complaints/Detail/{c.Id}", due);
        }).ToList();
    }
}
