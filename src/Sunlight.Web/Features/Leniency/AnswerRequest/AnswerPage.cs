using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.AnswerRequest;

/// <summary>What the answer form shows: the request, its version and what the user typed.</summary>
internal sealed record AnswerFormView(long Id, Guid Version, AnswerInput? Input);

/// <summary>答复行政指导申请 in the browser (the form is on the requests page).</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class AnswerModel(AnswerGuidanceRequest step, SunlightDbContext db) : PageModel
{
    [BindProperty] public AnswerInput? Input { get; set; }

    public GuidanceRequestDto? Subject { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(step.RunAsync(Input is null ? null : Input with { Id = id }, ct), r => $"已答复{r.EnterpriseName}的行政指导申请。",
                _ => Redirect("/Leniency/Requests"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var r = await db.Set<GuidanceRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        Subject = r is null ? null : GuidanceQueries.RequestDto(r, "");
        return r is null ? NotFound() : Page();
    }
}
