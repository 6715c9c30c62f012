using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Raise;

/// <summary>登记问题 in the browser: Supervisors for any unit, UnitStaff (self-inspection) for their own.</summary>
[Authorize(Policy = ProblemPolicies.Raise)]
internal sealed class RaiseModel(SunlightDbContext db, ProblemCategories categories, RaiseProblem raise, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty] public RaiseInput? Input { get; set; }

    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var selfInspection = (await authorization.AuthorizeAsync(User, ProblemPolicies.Rectify)).Succeeded;
        Input = new RaiseInput(selfInspection ? ProblemSource.SelfInspection : ProblemSource.SupervisoryInspection, 0, null, ProblemSeverity.Moderate, null, ChinaTime.Today(clock));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(raise.RunAsync(Input, ct), p => $"问题 {p.Number} 已登记并交办责任单位。", p => Redirect(Problem.DetailsLink(p.Number)), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
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
