using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Leniency.ToPenalty;

/// <summary>转立案 in the browser (the form is on the case page).</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class ToPenaltyModel(TransferToPenalty step, ExemptionQueries queries) : PageModel
{
    [BindProperty] public ToPenaltyInput? Input { get; set; }

    public ExemptionDetailDto? Detail { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(step.RunAsync(Input is null ? null : Input with { Id = id }, ct), _ => "已转立案：行政处罚案件已登记。",
                e => Redirect($"/Enforcement/Detail/{e.PenaltyCaseId}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
