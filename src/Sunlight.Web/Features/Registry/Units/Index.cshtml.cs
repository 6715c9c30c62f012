using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Units;

[Authorize(Policy = RegistryPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<UnitDto> List { get; private set; } = new([], null, 0);
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await auth.AuthorizeAsync(User, RegistryPolicies.ManageUnits)).Succeeded;
        List = await UnitList.PageAsync(db, new UnitQuery(Q, After, null), ct);
    }
}
