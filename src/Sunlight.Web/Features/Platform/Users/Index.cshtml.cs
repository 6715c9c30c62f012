using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

[Authorize(Policy = PlatformPolicies.Administer)]
internal sealed class IndexModel(SunlightDbContext db, TimeProvider clock) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public List<UserRow> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Rows = await UserDirectory.SearchAsync(db, Q, Role, Limit, ct);
    }
}
