using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Visits;

/// <summary>
/// 非执法走访 (调研、宣传、座谈): recorded like an inspection (the Register step, type Visit: no approval, no code, no cap) and
/// counted in the enterprise's burden view; listed here apart from the enforcement inspections.
/// </summary>
[Authorize(Policy = InspectionPolicies.Read)]
internal sealed class VisitsModel(InspectionQueries queries, SunlightDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Page<InspectionRow> List { get; private set; } = new([], null);
    public bool CanConduct { get; private set; }
    public List<Enterprise> Enterprises { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(long? after, long? enterpriseId, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        CanConduct = (await authorization.AuthorizeAsync(User, InspectionPolicies.Conduct)).Succeeded;
        List = await queries.ListAsync(queries.Visits(enterpriseId), after, 50, ct);
        if (CanConduct)
        {
            Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Name).Take(500).ToListAsync(ct);
        }
    }
}
