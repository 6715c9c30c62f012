using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Door;

/// <summary>The enterprise account's page: its inspections with their codes, its ratings, and its printable door code.</summary>
[Authorize(Policy = InspectionPolicies.Enterprise)]
internal sealed class MineModel(RatingQueries ratings, SunlightDbContext db, IConfiguration config) : PageModel
{
    public EnterpriseInspections? Mine { get; private set; }
    public string? DoorCode { get; private set; }
    public string? DoorQr { get; private set; }
    public long EnterpriseId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await ratings.MineAsync(null, 200, ct);
        EnterpriseId = await db.Enterprises.AsNoTracking().Select(e => e.Id).FirstOrDefaultAsync(ct);
        DoorCode = await db.Set<EnterpriseDoorCode>().AsNoTracking().Where(d => d.EnterpriseId == EnterpriseId && d.IsActive).Select(d => d.Code).FirstOrDefaultAsync(ct);
        if (DoorCode is not null)
        {
            DoorQr = "data:image/png;base64," + Convert.ToBase64String(InspectionCodes.QrPng($"{InspectionCodes.BaseUrl(config, HttpContext)}/Public/Inspections/Door/{DoorCode}"));
        }
    }
}

/// <summary>签发企业码 in the browser (the enterprise for itself, the Supervisor for any): posts here, back to where it came from.</summary>
[Authorize(Policy = InspectionPolicies.DoorCode)]
internal sealed class DoorCodeModel(IssueDoorCode issue) : PageModel
{
    [BindProperty] public DoorCodeInput? Input { get; set; }

    public IActionResult OnGet() => Redirect("/Inspections/Mine");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.RespondAsync(issue.RunAsync(ModelState.IsValid ? Input : null, ct), d => $"企业码已签发：{d.Code}（旧码已失效）",
            d => User.IsInRole(Infrastructure.Identity.Roles.Enterprise) ? Redirect("/Inspections/Mine") : Redirect($"/Public/Inspections/Door/{d.Code}"),
            () => Task.FromResult<IActionResult>(Page()));
}
