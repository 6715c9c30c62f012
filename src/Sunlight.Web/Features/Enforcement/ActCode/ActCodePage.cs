using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sunlight.Web.Features.Complaints.Public;

namespace Sunlight.Web.Features.Enforcement.ActCode;

/// <summary>The page a 行政行为码 opens (no login, phone-sized): the public view, or the party's after its PIN (or as its enterprise account).</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.LookupPolicy)]
internal sealed class ActCodeModel(ActCodeLookup acts, ViewAsParty party) : PageModel
{
    [BindProperty] public string? Pin { get; set; }

    public ActCodeView? View { get; private set; }
    public bool WrongPin { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        View = await acts.ViewAsync(code, null, ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        View = (await party.RunAsync(new ActPinInput(Pin) { Code = code }, ct)).Value;
        if (View is null)
        {
            // A wrong PIN shows the public view again with a message; an unknown code stays a 404.
            View = await acts.ViewAsync(code, null, ct);
            WrongPin = true;
        }
        return View is null ? NotFound() : Page();
    }
}
