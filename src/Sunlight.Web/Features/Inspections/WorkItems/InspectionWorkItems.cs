using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Inspections.DrawResults;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.WorkItems;

/// <summary>
/// The unit's inspection work: registered inspections awaiting the unit head's approval (by the visit day) and draws
/// whose checks are done but whose results are not yet public (due 20 working days after the last check).
/// </summary>
internal sealed class InspectionWorkItems(SunlightDbContext db, DrawResultsQueries draws, IAuthorizationService authorization) : IWorkItemSource
{
    private const string Area = "涉企检查";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, InspectionPolicies.Conduct)).Succeeded)
        {
            return [];
        }
        // The query filter keeps the unit to its own inspections and draws.
        var awaiting = await db.Set<Inspection>().AsNoTracking()
            .Where(i => i.State == InspectionState.Registered && i.Type != InspectionType.Visit)
            .OrderBy(i => i.VisitDate).Take(100)
            .Select(i => new { i.Id, i.EnterpriseId, i.VisitDate }).ToListAsync(ct);
        var names = await db.Enterprises.AsNoTracking().Where(e => awaiting.Select(a => a.EnterpriseId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var items = awaiting.Select(a => new WorkItem(Area, $"{names.GetValueOrDefault(a.EnterpriseId, "")} {a.VisitDate:yyyy-MM-dd}",
            "单位负责人审批（检查前须经审批）", $"/Inspections/Detail/{a.Id}", a.VisitDate)).ToList();
        items.AddRange((await draws.UnpublishedAsync(ct)).Select(c => new WorkItem(Area, c.Draw.Title,
            c.Unchecked > 0 ? $"完成检查（还有 {c.Unchecked} 家）并公开抽查结果" : "公开双随机抽查结果（检查后 20 个工作日内）",
            $"/Inspections/Draws/Results/{c.Draw.Id}", c.ResultsDue)));
        return items;
    }
}
