using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Leniency.Exemptions;

/// <summary>免罚案件台账 in the browser.</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class IndexModel(ExemptionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public PledgeState? Pledge { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<ExemptionDto> Cases { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) =>
        Cases = await queries.PageAsync(new ExemptionQuery(null, null, Pledge, null, null, null, After, null), ct);
}

/// <summary>A case: conditions, education, pledge, other units' records; the letter, the signed copy and the pledge forms.</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class DetailModel(ExemptionQueries queries, IAuthorizationService authorization) : PageModel
{
    public ExemptionDetailDto? Detail { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }
        CanManage = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Manage)).Succeeded;
        return Page();
    }
}
