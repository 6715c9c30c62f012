using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Register;

/// <summary>登记检查 in the browser: same use case as the API; a warning comes back in the summary with the confirm box.</summary>
[Authorize(Policy = InspectionPolicies.Conduct)]
internal sealed class RegisterModel(RegisterInspection register, InspectionQueries queries, SunlightDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public RegisterInput? Input { get; set; }

    public List<Enterprise> Enterprises { get; private set; } = [];
    public List<InspectionItem> Items { get; private set; } = [];
    public List<Officer> Officers { get; private set; } = [];
    public List<InspectionPlan> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public Task<IActionResult> OnGetAsync(long? enterpriseId, CancellationToken ct)
    {
        Input = new RegisterInput(enterpriseId ?? 0, InspectionType.Routine, InspectionMode.OnSite, ChinaTime.Today(clock).AddDays(1), null);
        return ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(register.RunAsync(Input, ct), i => "检查已登记，待单位负责人审批。", i => Redirect($"/Inspections/Detail/{i.Id}"), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        (Items, Officers) = await queries.UnitChoicesAsync(db.Scope.UnitId ?? -1, ct);
        Plans = await db.Set<InspectionPlan>().AsNoTracking().Where(p => p.Year >= Today.Year).OrderByDescending(p => p.Id).ToListAsync(ct);
        return Page();
    }
}
