using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.SelfInspections;

/// <summary>自查作答 in the browser: every point with its verdict and explanation; the submit button posts to its own page.</summary>
[Authorize(Policy = CampaignPolicies.SelfInspect)]
internal sealed class SelfInspectModel(AnswerSelfInspection answer, SunlightDbContext db, Sunlight.Web.Features.Problems.Categories.ProblemCategories categories) : PageModel
{
    [BindProperty] public AnswerSelfInspectionInput? Input { get; set; }

    public SelfInspectionDto? Self { get; private set; }
    public string CampaignName { get; private set; } = "";
    public IReadOnlyList<ItemDto> Items { get; private set; } = [];
    public ProblemFormView? ProblemForm { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(answer.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                s => $"已保存 {Input!.Answers!.Count} 项自查结论。", s => RedirectToPage("/Campaigns/SelfInspections/Index", new { id = s.Id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var self = await db.Set<SelfInspection>().AsNoTracking().Include(s => s.Answers).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (self is null)
        {
            return NotFound();
        }
        Self = SelfInspectionDto.From(self);
        CampaignName = await db.Set<Campaign>().Where(c => c.Id == self.CampaignId).Select(c => c.Name).FirstAsync(ct);
        Items = (await db.Set<ChecklistItem>().AsNoTracking().Include(i => i.Points).Where(i => i.CampaignId == self.CampaignId).OrderBy(i => i.Number).ToListAsync(ct))
            .Select(i => new ItemDto(i.Id, i.Number, i.Title, i.Points.OrderBy(p => p.Number).Select(p => new PointDto(p.Id, p.Number, p.Text)).ToList())).ToList();
        ProblemForm = await CampaignProblemPage.FormAsync(categories, Problems.ProblemSource.SelfInspection, id, null, ct);
        return Page();
    }
}

/// <summary>提交自查 in the browser.</summary>
[Authorize(Policy = CampaignPolicies.SelfInspect)]
internal sealed class SubmitSelfInspectionModel(SubmitSelfInspection submit) : PageModel
{
    [BindProperty] public SubmitSelfInspectionInput? Input { get; set; }

    public IActionResult OnGet(long id) => RedirectToPage("/Campaigns/SelfInspections/Index", new { id });

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        this.RespondAsync(submit.RunAsync((Input ?? new SubmitSelfInspectionInput()) with { Id = id }, ct),
            _ => "自查已提交。", s => RedirectToPage("/Campaigns/SelfInspections/Index", new { id = s.Id }),
            () =>
            {
                // The answers page shows the refusal (e.g. points still unanswered) after the redirect.
                TempData["Message"] = string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                return Task.FromResult<IActionResult>(RedirectToPage("/Campaigns/SelfInspections/Index", new { id }));
            });
}
