using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sunlight.Web.Features.Inspections;

/// <summary>One inspection: its data, warnings, code and QR; the unit's approve and result forms (posting to their step pages).</summary>
[Authorize(Policy = InspectionPolicies.Read)]
internal sealed class DetailModel(InspectionQueries queries, IAuthorizationService authorization, IConfiguration config) : PageModel
{
    public InspectionDto? Inspection { get; private set; }
    public bool CanConduct { get; private set; }
    public string? QrDataUri { get; private set; }
    public string? PublicUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Inspection = await queries.DetailAsync(id, ct);
        if (Inspection is null)
        {
            return NotFound();
        }
        CanConduct = (await authorization.AuthorizeAsync(User, InspectionPolicies.Conduct)).Succeeded;
        if (Inspection.Code is { } code)
        {
            PublicUrl = $"{InspectionCodes.BaseUrl(config, HttpContext)}/Public/Inspections/{code}";
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(InspectionCodes.QrPng(PublicUrl));
        }
        return Page();
    }
}
