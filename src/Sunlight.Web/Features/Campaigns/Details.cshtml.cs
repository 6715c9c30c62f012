using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>A campaign: its figures (each linking to the records counted), checklist, and each unit's self-inspection.</summary>
[Authorize(Policy = CampaignPolicies.Read)]
internal sealed class DetailsModel(CampaignScope scope, CampaignFigures figures, SunlightDbContext db, IAuthorizationService authorization) : PageModel
{
    public CampaignDto? Campaign { get; private set; }
    public FiguresDto? Figures { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanSelfInspect { get; private set; }
    public IReadOnlyList<NamedId> Inspections { get; private set; } = [];
    public IReadOnlyList<NamedId> Plans { get; private set; } = [];
    public bool CanInspect { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await scope.CampaignAsync(id, ct) is not { } c)
        {
            return NotFound();
        }
        Campaign = await CampaignQueries.DtoAsync(db, c, ct);
        Figures = await figures.AllAsync(id, ct, breakdowns: false);
        CanManage = (await authorization.AuthorizeAsync(User, CampaignPolicies.Manage)).Succeeded;
        CanSelfInspect = (await authorization.AuthorizeAsync(User, CampaignPolicies.SelfInspect)).Succeeded;
        CanInspect = (await authorization.AuthorizeAsync(User, CampaignPolicies.Inspect)).Succeeded;
        if (CanInspect)
        {
            Plans = (await db.Set<ReviewPlan>().AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Seed, p.FilesPerUnit }).ToListAsync(ct))
                .Select(p => new NamedId(p.Id, $"评查方案 {p.Id}（种子 {p.Seed}，每个单位 {p.FilesPerUnit} 份）")).ToList();
            var rows = await scope.Inspections().Where(i => i.CampaignId == id).Select(i => new { i.Id, i.UnitId }).ToListAsync(ct);
            var names = await db.UnitNamesAsync(rows.Select(r => (long?)r.UnitId), ct);
            Inspections = rows.Select(r => new NamedId(r.Id, names.GetValueOrDefault(r.UnitId, ""))).OrderBy(r => r.Id).ToList();
        }
        return Page();
    }
}
