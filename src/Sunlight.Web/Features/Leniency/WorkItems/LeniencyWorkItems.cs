using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.WorkItems;

/// <summary>
/// Flexible enforcement on the work home: for the unit, pledges to follow up (by the correction deadline), broken or overdue
/// pledges to 转立案, and guidance requests to answer (by the answer deadline); for the bureau, the overdue ones of the
/// county; for an enterprise, its own open requests.
/// </summary>
internal sealed class LeniencyWorkItems(SunlightDbContext db, IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    private const string Area = "柔性执法";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var requests = db.Set<GuidanceRequest>().AsNoTracking().Where(r => r.State == RequestState.Open);
        if ((await authorization.AuthorizeAsync(user, LeniencyPolicies.Request)).Succeeded)
        {
            // The enterprise query filter keeps it to its own requests.
            return (await requests.Select(r => new { r.Matter, r.DueOn }).ToListAsync(ct))
                .Select(r => new WorkItem(Area, "行政指导申请：" + r.Matter, "等待执法单位答复", null, r.DueOn)).ToList();
        }
        var exemptions = db.Set<ExemptionCase>().AsNoTracking().Where(e => e.PenaltyCaseId == null && (e.State != PledgeState.Kept));
        if ((await authorization.AuthorizeAsync(user, LeniencyPolicies.Manage)).Succeeded)
        {
            // The query filters keep the unit to its own.
            var cases = await exemptions.Select(e => new { e.Id, e.Number, e.EnterpriseName, e.State, e.OverdueFlaggedOn, e.CorrectionDeadline }).ToListAsync(ct);
            var open = await requests.Select(r => new { r.EnterpriseName, r.DueOn }).ToListAsync(ct);
            return cases.Select(e => e.State == PledgeState.Broken || e.OverdueFlaggedOn is not null
                    ? new WorkItem(Area, $"{e.Number} {e.EnterpriseName}", "未按承诺整改，转立案", $"/Leniency/Exemptions/{e.Id}", e.CorrectionDeadline)
                    : new WorkItem(Area, $"{e.Number} {e.EnterpriseName}", "跟踪整改，登记承诺履行情况", $"/Leniency/Exemptions/{e.Id}", e.CorrectionDeadline))
                .Concat(open.Select(r => new WorkItem(Area, "行政指导申请：" + r.EnterpriseName, "答复行政指导申请", "/Leniency/Requests", r.DueOn)))
                .ToList();
        }
        if ((await authorization.AuthorizeAsync(user, LeniencyPolicies.Approve)).Succeeded)
        {
            var today = ChinaTime.Today(clock);
            var overdue = await exemptions.Where(e => e.OverdueFlaggedOn != null || e.State == PledgeState.Broken)
                .Select(e => new { e.Id, e.Number, e.EnterpriseName, e.CorrectionDeadline }).ToListAsync(ct);
            var late = await requests.Where(r => r.DueOn < today).Select(r => new { r.EnterpriseName, r.DueOn }).ToListAsync(ct);
            return overdue.Select(e => new WorkItem(Area, $"{e.Number} {e.EnterpriseName}", "未按承诺整改尚未转立案，督办", $"/Leniency/Exemptions/{e.Id}", e.CorrectionDeadline))
                .Concat(late.Select(r => new WorkItem(Area, "行政指导申请：" + r.EnterpriseName, "逾期未答复，督办", "/Leniency/Requests", r.DueOn)))
                .ToList();
        }
        return [];
    }
}
