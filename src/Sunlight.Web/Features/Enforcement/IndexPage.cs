using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>案件台账: the unit's own cases, or the county's for the bureau; filters and keyset pages.</summary>
[Authorize(Policy = EnforcementPolicies.Read)]
internal sealed class IndexModel(CaseQueries queries, SunlightDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public CaseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Warned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<CaseRow> List { get; private set; } = new([], null);
    public IReadOnlyList<(long Id, string Name)> Units { get; private set; } = [];
    public bool CanRegister { get; private set; }
    public bool CanSupervise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Record)).Succeeded;
        CanSupervise = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Supervise)).Succeeded;
        Units = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        List = await queries.PageAsync(new CaseQuery(UnitId, Kind, null, Warned, Q?.Length > CaseColumns.NumberLength ? Q[..CaseColumns.NumberLength] : Q, After, null), ct);
    }
}
