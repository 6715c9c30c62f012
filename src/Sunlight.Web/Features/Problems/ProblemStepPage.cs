using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>What a step's form partial shows: the problem and what was typed (null on the problem page).</summary>
internal sealed record ProblemStepForm<TInput>(ProblemDto Problem, TInput? Values);

/// <summary>
/// A step of one problem in the browser (<c>/Problems/&lt;Step&gt;/{id}</c>): shows the problem and the step's form,
/// posts to the step's use case (the API's, validated the same way), then back to the problem page or the form again
/// with the errors and what was typed.
/// </summary>
internal abstract class ProblemStepPage<TInput>(SunlightDbContext db, TimeProvider clock) : PageModel where TInput : class
{
    [BindProperty] public TInput? Input { get; set; }

    public ProblemDto? Problem { get; private set; }
    public ProblemStepForm<TInput> Form => new(Problem!, Input);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    /// <summary>Runs <paramref name="step"/> on the bound input for problem <paramref name="id"/>.</summary>
    protected Task<IActionResult> StepAsync(long id, Func<TInput, long, TInput> target, UseCase<TInput, Problem> step, Func<Problem, string> done, CancellationToken ct) =>
        StepAsync(id, () => step.RunAsync(Input is null ? null : target(Input, id), ct), done, ct);

    /// <summary>Runs a step whose input is built from the bound form (uploads) or whose result is not the problem.</summary>
    protected Task<IActionResult> StepAsync<T>(long id, Func<Task<Outcome<T>>> run, Func<T, string> done, CancellationToken ct) =>
        !ModelState.IsValid
            ? ShowAsync(id, ct)
            : this.RespondAsync(run(), done, _ => RedirectToPage("/Problems/Details", new { id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Problem = await ProblemDetailQuery.OneAsync(db, id, ChinaTime.Today(clock), ct);
        return Problem is null ? NotFound() : Page();
    }
}
