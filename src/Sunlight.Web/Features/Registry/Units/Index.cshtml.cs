using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Units;

[Authorize(Policy = RegistryPolicies.Read)]
public sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public IReadOnlyList<EnforcementUnit> Rows { get; private set; } = [];
    public long? NextCursor { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await auth.AuthorizeAsync(User, RegistryPolicies.ManageUnits)).Succeeded;
        var limit = Paging.DefaultLimit;
        var rows = await UnitList.Filter(db.Units.AsNoTracking(), Q)
            .Where(u => After == null || u.Id > After)
            .OrderBy(u => u.Id).Take(limit + 1).ToListAsync(ct);
        var page = Paging.ToPage(rows, limit, u => u.Id);
        (Rows, NextCursor) = (page.Items, page.NextCursor);
    }
}
