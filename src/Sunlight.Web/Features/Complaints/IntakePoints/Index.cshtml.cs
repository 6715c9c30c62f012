using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Features.Complaints;

namespace Sunlight.Web.Features.Complaints.IntakePoints;

[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class IndexModel(IntakePointService points, SaveIntakePoint save) : PageModel
{
    [BindProperty] public IntakePointInput? Input { get; set; }

    public IReadOnlyList<IntakePointDto> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = (await points.All().AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct)).Select(points.ToDto).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        return await this.RespondAsync(save.RunAsync(Input is null ? null : Input with { Id = 0 }, ct), p => $"已新建征集点 {p.Name}",
            _ => RedirectToPage(), async () => { await OnGetAsync(ct); return Page(); });
    }
}
