using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Enforcement.Queries;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>One case: its facts, milestones, officers, reviews and warnings, with the step forms the caller may use.</summary>
[Authorize(Policy = EnforcementPolicies.Read)]
internal sealed class DetailModel(CaseQueries queries, IAuthorizationService authorization) : PageModel
{
    public CaseDetail? Case { get; private set; }
    public bool CanRecord { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanSupervise { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Case = await queries.DetailAsync(id, ct);
        if (Case is null)
        {
            return NotFound();
        }
        CanRecord = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Record)).Succeeded;
        CanReview = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Review)).Succeeded;
        CanSupervise = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Supervise)).Succeeded;
        return Page();
    }
}
