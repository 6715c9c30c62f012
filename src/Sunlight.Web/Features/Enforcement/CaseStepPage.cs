using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>
/// A step on one case in the browser: the GET shows the case and the step's form, the POST runs the step's use case and
/// answers with <see cref="OutcomeResults.RespondAsync"/> (back to the case page, or the form again with the errors).
/// </summary>
internal abstract class CaseStepPage<TInput, TResult>(CaseQueries queries) : PageModel where TInput : class
{
    [BindProperty] public TInput? Input { get; set; }
    public CaseDetail? Case { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(RunAsync(id, ct), Done, _ => RedirectToPage("/Enforcement/Detail", new { id }), () => ShowAsync(id, ct));

    protected abstract Task<Outcome<TResult>> RunAsync(long id, CancellationToken ct);
    protected abstract string Done(TResult result);

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Case = await queries.DetailAsync(id, ct);
        return Case is null ? NotFound() : Page();
    }
}
