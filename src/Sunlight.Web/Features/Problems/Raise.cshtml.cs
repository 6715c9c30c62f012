using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems;

[Authorize(Roles = ProblemRoles.Raise)]
public sealed class RaiseModel(SunlightDbContext db, ProblemCategories categories, RaiseProblem raise, TimeProvider clock) : PageModel
{
    [BindProperty] public long UnitId { get; set; }
    [BindProperty] public ProblemSource Source { get; set; } = ProblemSource.SupervisoryInspection;
    [BindProperty] public string Category { get; set; } = "";
    [BindProperty] public ProblemSeverity Severity { get; set; } = ProblemSeverity.Moderate;
    [BindProperty] public string Description { get; set; } = "";
    [BindProperty] public DateOnly FoundOn { get; set; }
    [BindProperty] public string? FoundBy { get; set; }

    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FoundOn = ChinaTime.Today(clock);
        if (User.IsInRole(Roles.UnitStaff))
        {
            Source = ProblemSource.SelfInspection;
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await raise.HandleAsync(new RaiseInput(Source, UnitId, Category, Severity, Description, FoundOn, FoundBy), ct);
        if (r.NotFound)
        {
            ModelState.AddModelError(nameof(UnitId), "责任单位不存在或您无权为其登记问题");
        }
        if (r.Value is { } p)
        {
            TempData["Message"] = $"问题 {p.Number} 已登记并交办责任单位。";
            return Redirect($"/Problems/Details?no={p.Number}");
        }
        foreach (var (field, messages) in r.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var m in messages)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], m);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        Categories = (await categories.ListAsync(true, ct)).Select(c => c.Name).ToList();
    }
}
