using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Leniency.RecordGuidance;

/// <summary>登记行政指导 in the browser.</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class RecordGuidanceModel(RecordGuidanceStep step) : PageModel
{
    [BindProperty] public GuidanceInput? Input { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? Page()
            : await this.RespondAsync(step.RunAsync(Input, ct), r => $"已登记对{r.TargetName}的行政指导。", _ => Redirect("/Leniency/Guidance"),
                () => Task.FromResult<IActionResult>(Page()));
}
