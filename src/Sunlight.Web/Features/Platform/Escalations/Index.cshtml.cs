using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Escalations;

/// <summary>督办、约谈、移送: all for Supervisors, referrals for Observers, the unit's own for UnitStaff.</summary>
[Authorize(Policy = PlatformPolicies.ReadEscalations)]
internal sealed class IndexModel(SunlightDbContext db, RecordEscalation record, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public EscalationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    public Page<EscalationDto> List { get; private set; } = new([], null, 0);
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public bool CanEscalate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(EscalationKind kind, long unitId, string? reason, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, PlatformPolicies.Escalate)).Succeeded)
        {
            return Forbid();
        }
        return await this.RespondAsync(record.RunAsync(new EscalationInput(kind, unitId, reason ?? ""), ct), e => $"已记录{Escalation.KindName(e.Kind)}。",
            _ => RedirectToPage(), async () =>
            {
                await LoadAsync(ct);
                return Page();
            }, prefix: "");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEscalate = (await auth.AuthorizeAsync(User, PlatformPolicies.Escalate)).Succeeded;
        List = await EscalationList.PageAsync(db, new EscalationQuery(null, Kind, null, null, After, null), ct);
        var units = await db.PublicUnits().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        Units = units.Select(u => (u.Id, u.Name)).ToList();
    }
}
