using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;

namespace Sunlight.Web.Features.Complaints.IntakePoints;

/// <summary>The A4 poster (print from the browser): title, instructions and the QR code (QRCoder PNG, inlined).</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class PosterModel(IntakePointService points) : PageModel
{
    public IntakePointDto? Point { get; private set; }
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var p = await points.All().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }
        Point = points.ToDto(p);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(points.QrPng(p, 16));
        return Page();
    }
}
