using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

/// <summary>What the create and edit pages share: the role and unit choices.</summary>
internal static class UserForm
{
    public static List<SelectListItem> RoleOptions() =>
        Roles.All.Select(r => new SelectListItem($"{Roles.DisplayName(r)}（{r}）", r)).ToList();

    public static async Task<List<SelectListItem>> UnitOptionsAsync(SunlightDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct);
}
