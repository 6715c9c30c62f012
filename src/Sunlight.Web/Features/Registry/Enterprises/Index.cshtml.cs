using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Enterprises;

[Authorize(Policy = RegistryPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<EnterpriseDto> List { get; private set; } = new([], null, 0);
    public List<string> Industries { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string ExportLink => "/api/v1/enterprises/export?" + string.Join("&",
        new[] { ("q", Q), ("industry", Industry) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, RegistryPolicies.EditEnterprises)).Succeeded;
        List = await EnterpriseList.PageAsync(db, new EnterpriseQuery(Q, Industry, After, null), ct);
        Industries = await db.Enterprises.Where(e => e.Industry != null).Select(e => e.Industry!).Distinct().OrderBy(i => i).ToListAsync(ct);
    }
}
