using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>督查 in the browser: the unit's answers beside the team's, differences marked; the assessment form posts here.</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class InspectModel(AssessPoints assess, CampaignScope scope, SunlightDbContext db, TimeProvider clock, Sunlight.Web.Features.Problems.Categories.ProblemCategories categories) : PageModel
{
    [BindProperty] public AssessInput? Input { get; set; }

    public ComparisonDto? Comparison { get; private set; }
    public DateOnly Today { get; private set; }
    public SelfInspections.ProblemFormView? FindingForm { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(assess.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                _ => "督查评价已保存。", i => RedirectToPage("/Campaigns/Supervision/Inspect", new { id = i.Id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Comparison = await Supervision.Comparison.LoadAsync(db, scope, id, ct);
        Today = ChinaTime.Today(clock);
        FindingForm = await SelfInspections.CampaignProblemPage.FormAsync(categories, Problems.ProblemSource.SupervisoryInspection, id, null, ct);
        return Comparison is null ? NotFound() : Page();
    }
}

/// <summary>记录督查 in the browser (the form on the inspection page).</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class RecordVisitModel(RecordVisit record) : PageModel
{
    [BindProperty] public VisitInput? Input { get; set; }

    public IActionResult OnGet(long id) => RedirectToPage("/Campaigns/Supervision/Inspect", new { id });

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        this.RespondAsync(record.RunAsync(Input is null ? null : Input with { Id = id }, ct), _ => "督查记录已保存。",
            i => RedirectToPage("/Campaigns/Supervision/Inspect", new { id = i.Id }),
            () =>
            {
                TempData["Message"] = string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                return Task.FromResult<IActionResult>(RedirectToPage("/Campaigns/Supervision/Inspect", new { id }));
            });
}
