using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.WorkItems;

/// <summary>
/// The legality warnings waiting on the caller: a unit's own open warnings, each to correct on its case (by the rule's
/// deadline where it has one); the Supervisor's warning board, one line per unit with open warnings (by the earliest deadline).
/// </summary>
internal sealed class EnforcementWorkItems(SunlightDbContext db, LegalityChecker checker, IAuthorizationService authorization) : IWorkItemSource
{
    private const string Area = "合法性预警";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var open = db.Warnings.AsNoTracking().Where(w => w.State == WarningState.Open);
        if ((await authorization.AuthorizeAsync(user, EnforcementPolicies.Record)).Succeeded)
        {
            // The query filter keeps the unit to its own warnings.
            var own = await open.OrderByDescending(w => w.Id).Take(200)
                .Select(w => new { w.CaseId, w.Rule, w.IsApproaching, w.DueOn, Number = w.Case!.Number }).ToListAsync(ct);
            return own.Select(w => new WorkItem(Area, $"{w.Number} {checker.Find(w.Rule)?.Title ?? w.Rule}",
                w.IsApproaching ? $"{w.Rule} 临期，按期办理" : $"{w.Rule} 纠正或说明", $"/Enforcement/Detail/{w.CaseId}", w.DueOn)).ToList();
        }
        if ((await authorization.AuthorizeAsync(user, EnforcementPolicies.Supervise)).Succeeded)
        {
            var byUnit = await open.GroupBy(w => w.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count(), Due = g.Min(w => w.DueOn) }).ToListAsync(ct);
            var names = await db.UnitNamesAsync(byUnit.Select(u => (long?)u.UnitId), ct);
            return byUnit.Select(u => new WorkItem(Area, names.GetValueOrDefault(u.UnitId, ""), $"{u.Count} 条待处理预警：排除或转为问题",
                "/Enforcement/Warnings", u.Due)).ToList();
        }
        return [];
    }
}
