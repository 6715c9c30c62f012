using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

[Authorize(Policy = RegistryPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public EnforcementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<EnforcementItemDto> List { get; private set; } = new([], null, 0);
    public List<SelectListItem> Units { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<EnforcementKind>()
        .Select(k => new SelectListItem(EnforcementItem.KindName(k), k.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, RegistryPolicies.Edit)).Succeeded;
        List = await EnforcementItemList.PageAsync(db, new EnforcementItemQuery(UnitId, Kind, Q, After, null), ct);
        Units = await RegistryForms.UnitOptionsAsync(db, ct);
    }
}
