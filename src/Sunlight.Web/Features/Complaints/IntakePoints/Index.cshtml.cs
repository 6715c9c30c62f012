using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;

namespace Sunlight.Web.Features.Complaints.IntakePoints;

[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class IndexModel(IntakePointService points) : PageModel
{
    [BindProperty] public IntakePointKind Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Place { get; set; }

    public IReadOnlyList<IntakePointDto> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = (await points.All().AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct)).Select(points.ToDto).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Place))
        {
            ModelState.AddModelError(nameof(Name), "请填写征集点名称和张贴地点");
            await OnGetAsync(ct);
            return Page();
        }
        var p = await points.CreateAsync(new IntakePointInput(Kind, Name, Place), ct);
        TempData["Message"] = $"已新建征集点 {p.Name}";
        return RedirectToPage();
    }
}
