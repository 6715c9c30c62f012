using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.RequestGuidance;

/// <summary>The public guidance-request form (no login), linked from the front door; rate-limited like the complaint form.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.IntakePolicy)]
internal sealed class PublicRequestModel(SubmitPublicGuidanceRequest step, SunlightDbContext db) : PageModel
{
    [BindProperty] public PublicGuidanceRequestInput? Input { get; set; }

    public IReadOnlyList<(long Id, string Name)> Units { get; private set; } = [];
    public GuidanceRequest? Submitted { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var r = await step.RunAsync(Input, ct);
            if (r.Value is { } request)
            {
                Submitted = request;
                return Page();
            }
            if (r.Errors is not null)
            {
                ModelState.AddErrors(r.Errors, "Input");
            }
            else
            {
                ModelState.AddModelError("", r.Detail ?? "提交失败，请重试。");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Units = (await db.PublicUnits().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
}
