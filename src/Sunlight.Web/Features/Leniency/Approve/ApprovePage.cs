using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Approve;

/// <summary>批准清单 in the browser; the form is embedded in the list page.</summary>
[Authorize(Policy = LeniencyPolicies.Approve)]
internal sealed class ApproveModel(ApproveList step, SunlightDbContext db) : PageModel
{
    [BindProperty] public ApproveInput? Input { get; set; }

    public ListDetailDto? Detail { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(step.RunAsync((Input ?? new ApproveInput()) with { Id = id }, ct), l => $"已批准第 {l.Number} 版并公示。",
                l => Redirect($"/Leniency/Lists/{l.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await ListQueries.DetailAsync(db, id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
