using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

[Authorize(Policy = PlatformPolicies.Administer)]
internal sealed class RolesModel(SunlightDbContext db) : PageModel
{
    public List<(string Role, string Name, string Abilities, int Users)> Rows { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await UserDirectory.CountByRoleAsync(db, ct);
        foreach (var role in Infrastructure.Identity.Roles.All)
        {
            Rows.Add((role, Infrastructure.Identity.Roles.DisplayName(role), UserDirectory.Abilities(role), counts.GetValueOrDefault(role)));
        }
    }
}
