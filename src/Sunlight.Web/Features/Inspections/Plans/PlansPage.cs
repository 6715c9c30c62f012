using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Plans;

/// <summary>年度检查计划: the unit's filed plans and the form to file one (items from its published list).</summary>
[Authorize(Policy = InspectionPolicies.Conduct)]
internal sealed class PlansModel(FilePlan file, SunlightDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public PlanInput? Input { get; set; }

    public Page<InspectionPlan> Plans { get; private set; } = new([], null);
    public List<InspectionItem> Items { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(long? after, CancellationToken ct)
    {
        Input = new PlanInput(ChinaTime.Today(clock).Year, null, null, null);
        return ShowAsync(ct, after);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(file.RunAsync(Input, ct), p => $"检查计划“{p.Title}”已报备。", _ => Redirect("/Inspections/Plans"), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct, long? after = null)
    {
        Plans = await db.Set<InspectionPlan>().AsNoTracking().KeysetAsync(p => p.Id, true, after, Paging.DefaultLimit, p => p, p => p.Id, ct);
        Items = await db.InspectionItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        return Page();
    }
}
