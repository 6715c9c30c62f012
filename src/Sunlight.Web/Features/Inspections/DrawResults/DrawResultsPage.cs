using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.DrawResults;

/// <summary>公开抽查结果 in the browser: the draw's checks, the 20-working-day due date and the form.</summary>
[Authorize(Policy = InspectionPolicies.Conduct)]
internal sealed class DrawResultsModel(PublishDrawResults publish, DrawResultsQueries queries, InspectionQueries inspections, TimeProvider clock) : PageModel
{
    [BindProperty] public DrawResultsInput? Input { get; set; }

    public DrawChecks? Checks { get; private set; }
    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();
    public DateOnly Today { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(publish.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                c => c.Late(ChinaTime.Today(clock)) ? "抽查结果已公开（已超过检查后 20 个工作日的期限，已标记）。" : "抽查结果已公开。",
                c => Redirect($"/Public/Inspections/Draws/{c.Draw.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Checks = await queries.ChecksAsync(id, ct);
        if (Checks is null)
        {
            return NotFound();
        }
        Names = await inspections.EnterpriseNamesAsync(Checks.Draw.EnterpriseIds, ct);
        return Page();
    }
}
