using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections;

/// <summary>涉企检查台账: the unit's own inspections, or the county's for the bureau.</summary>
[Authorize(Policy = InspectionPolicies.Read)]
internal sealed class IndexModel(InspectionQueries queries, IAuthorizationService authorization) : PageModel
{
    public Page<InspectionRow> List { get; private set; } = new([], null);
    public bool CanConduct { get; private set; }
    public bool CanSupervise { get; private set; }

    public async Task OnGetAsync(long? after, long? enterpriseId, InspectionState? state, CancellationToken ct)
    {
        CanConduct = (await authorization.AuthorizeAsync(User, InspectionPolicies.Conduct)).Succeeded;
        CanSupervise = (await authorization.AuthorizeAsync(User, InspectionPolicies.Supervise)).Succeeded;
        List = await queries.ListAsync(queries.Filter(enterpriseId, state), after, 50, ct);
    }
}
