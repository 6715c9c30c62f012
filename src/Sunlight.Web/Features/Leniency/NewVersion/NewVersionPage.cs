using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Leniency.NewVersion;

/// <summary>新建清单版本 in the browser.</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class NewVersionModel(CreateListVersion step) : PageModel
{
    [BindProperty] public NewVersionInput? Input { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? Page()
            : await this.RespondAsync(step.RunAsync(Input, ct), l => $"已新建第 {l.Number} 版草稿。", l => Redirect($"/Leniency/Lists/{l.Id}"), () => Task.FromResult<IActionResult>(Page()));
}
