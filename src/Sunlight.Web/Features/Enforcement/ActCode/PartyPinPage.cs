using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Enforcement.Queries;

namespace Sunlight.Web.Features.Enforcement.ActCode;

/// <summary>
/// 生成当事人查询密码 in the browser: the POST issues a new PIN and shows it on this answer only (no redirect, never
/// in TempData or the log; the form's antiforgery token already makes the answer no-store); only its hash is kept, the
/// old PIN stops working.
/// </summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class PartyPinModel(IssuePartyPin issue, CaseQueries queries) : PageModel
{
    public CaseDetail? Case { get; private set; }
    public IssuedPin? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Case = await queries.DetailAsync(id, ct);
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var outcome = await issue.RunAsync(new PartyPinInput { Id = id }, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }
        Issued = outcome.Value;
        return await OnGetAsync(id, ct);
    }
}
