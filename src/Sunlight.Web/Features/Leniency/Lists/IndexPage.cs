using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Figures;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Lists;

/// <summary>柔性执法: the figures, and the list versions (the unit's own for UnitStaff, the county's for the bureau).</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, LeniencyFigures figures, IAuthorizationService authorization) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public ListKind? Kind { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public ListState? State { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public long? After { get; set; }

    public FiguresDto Figures { get; private set; } = new([]);
    public Page<ListDto> Lists { get; private set; } = new([], null);
    public bool CanManage { get; private set; }
    public bool CanSetUp { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Manage)).Succeeded;
        CanSetUp = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Approve)).Succeeded;
        Figures = await figures.BuildAsync(new FigureQuery(null, null, null), ct);
        Lists = await ListQueries.PageAsync(db, new ListQuery(null, Kind, State, After, null), ct);
    }
}

/// <summary>A list version with its items; the draft's add-item form and the Supervisor's approve form are embedded.</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class DetailModel(SunlightDbContext db, IAuthorizationService authorization) : PageModel
{
    public ListDetailDto? Detail { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanApprove { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await ListQueries.DetailAsync(db, id, ct);
        if (Detail is null)
        {
            return NotFound();
        }
        CanManage = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Manage)).Succeeded;
        CanApprove = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Approve)).Succeeded;
        return Page();
    }
}
