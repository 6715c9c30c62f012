using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Door;

/// <summary>
/// The enterprise's door QR opens this page. An officer signed in (UnitStaff) gets the door check before entering; anyone
/// else sees only how to verify an inspection code and how to complain.
/// </summary>
[AllowAnonymous]
internal sealed class DoorModel(DoorQueries door, SunlightDbContext db, IAuthorizationService authorization) : PageModel
{
    public DoorCheck? Check { get; private set; }
    public DoorPublic Public { get; } = DoorEndpoints.Public();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await door.EnterpriseOfAsync(code, ct) is null)
        {
            return NotFound();
        }
        if ((await authorization.AuthorizeAsync(User, InspectionPolicies.Conduct)).Succeeded && db.Scope.UnitId is { } unitId && unitId > 0)
        {
            Check = await door.CheckAsync(code, unitId, ct);
        }
        return Page();
    }
}
