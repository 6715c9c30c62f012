using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints;

/// <summary>What a step's form partial shows: the complaint (id, version, what the step needs to display) and what was typed.</summary>
internal sealed record StepForm<TInput>(ComplaintDetail Detail, TInput? Values) where TInput : class
{
    public ComplaintDto Complaint => Detail.Complaint;
}

/// <summary>
/// A workflow step in the browser: its page shows the complaint and the step's form (the same partial the complaint page
/// embeds) and posts to the step's use case — the one the API runs. Success goes back to the complaint page.
/// </summary>
internal abstract class ComplaintStepPage<TInput>(UseCase<TInput, Complaint> step, ComplaintQueries queries) : PageModel where TInput : class
{
    [BindProperty] public TInput? Input { get; set; }

    public ComplaintDetail? Detail { get; private set; }
    public StepForm<TInput> Form => new(Detail!, Input);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(step.RunAsync(Input is null ? null : For(Input, id), ct), Done,
                c => RedirectToPage("/Complaints/Detail", new { id = c.Id }), () => ShowAsync(id, ct));

    /// <summary>The input aimed at the complaint of the route (<c>input with { Id = id }</c>).</summary>
    protected abstract TInput For(TInput input, long id);

    /// <summary>The message shown on the complaint page after the step.</summary>
    protected abstract string Done(Complaint c);

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }
}

/// <summary>The API answer of every step: the complaint as staff see it, or the outcome's 400/404/409.</summary>
internal static class ComplaintStepResults
{
    public static Task<Results<Ok<ComplaintDto>, ValidationProblem, ProblemHttpResult>> ToComplaintAsync(this Task<Outcome<Complaint>> step,
        ComplaintQueries q, CancellationToken ct) =>
        step.ToHttpAsync(async c => TypedResults.Ok((await q.DtoAsync(c, ct))!), "投诉");
}
