using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Officers;

[Authorize(Policy = RegistryPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Auxiliary { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Expired { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<Officer> List { get; private set; } = new([], null, 0);
    public List<SelectListItem> Units { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public string ExportLink => "/api/v1/officers/export?" + string.Join("&",
        new[] { ("unitId", UnitId?.ToString()), ("q", Q), ("auxiliary", Auxiliary?.ToString().ToLowerInvariant()), ("expired", Expired?.ToString().ToLowerInvariant()) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, RegistryPolicies.Edit)).Succeeded;
        Today = ChinaTime.Today(clock);
        List = await OfficerList.PageAsync(db, new OfficerQuery(UnitId, Q, Auxiliary, Expired, After, null), Today, ct);
        Units = await RegistryForms.UnitOptionsAsync(db, ct);
    }
}
