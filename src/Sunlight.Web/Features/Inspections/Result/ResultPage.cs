using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.Result;

/// <summary>录入检查结果 in the browser: the form (embedded in the inspection page) posts here.</summary>
[Authorize(Policy = InspectionPolicies.Conduct)]
internal sealed class ResultModel(RecordResult record, InspectionQueries queries) : PageModel
{
    [BindProperty] public ResultInput? Input { get; set; }

    public InspectionDto? Inspection { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(record.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                i => $"检查结果已录入：{InspectionText.Outcome(i.Outcome)}", i => Redirect($"/Inspections/Detail/{i.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Inspection = await queries.DetailAsync(id, ct);
        return Inspection is null ? NotFound() : Page();
    }
}
