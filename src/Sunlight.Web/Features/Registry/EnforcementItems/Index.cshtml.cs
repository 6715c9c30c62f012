using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

[Authorize(Policy = RegistryPolicies.Read)]
public sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public EnforcementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public IReadOnlyList<EnforcementItem> Rows { get; private set; } = [];
    public long? NextCursor { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<EnforcementKind>()
        .Select(k => new SelectListItem(EnforcementItem.KindName(k), k.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, RegistryPolicies.Edit)).Succeeded;
        var limit = Paging.DefaultLimit;
        var rows = await EnforcementItemList.Filter(db.EnforcementItems.AsNoTracking(), new EnforcementItemQuery(UnitId, Kind, Q, After, limit))
            .Where(i => After == null || i.Id > After)
            .OrderBy(i => i.Id).Take(limit + 1).Include(i => i.Unit).ToListAsync(ct);
        var page = Paging.ToPage(rows, limit, i => i.Id);
        (Rows, NextCursor) = (page.Items, page.NextCursor);
        Units = await RegistryForms.UnitOptionsAsync(db, ct);
    }
}
