using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.Public;

/// <summary>The page an inspection code opens (no login, phone-sized): who, why, basis, items, and the anonymous rating form.</summary>
[AllowAnonymous]
internal sealed class CodeModel(InspectionCodeLookup lookup, RateInspection rate) : PageModel
{
    [BindProperty] public RateInput? Input { get; set; }

    public PublicInspectionView? View { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowAsync(code, ct);

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(code, ct)
            : await this.RespondAsync(rate.RunAsync(Input is null ? null : Input with { Code = code }, ct),
                _ => "感谢您的评价。评价匿名提交，执法单位看不到评价企业的身份。", _ => Redirect($"/Public/Inspections/{code}"), () => ShowAsync(code, ct));

    private async Task<IActionResult> ShowAsync(string code, CancellationToken ct)
    {
        View = await lookup.ViewAsync(code, ct);
        return View is null ? NotFound() : Page();
    }
}

/// <summary>Verify a code by typing it (the door page's "how to verify").</summary>
[AllowAnonymous]
internal sealed class VerifyModel : PageModel
{
    public IActionResult OnGet(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Length > InspectionColumns.CodeLength ? Page() : Redirect($"/Public/Inspections/{Uri.EscapeDataString(code.Trim().ToUpperInvariant())}");
}
