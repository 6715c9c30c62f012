using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>评查方案 in the browser: units, case kinds, files per unit, reviewers and seed; the draw runs on saving.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class DrawModel(CreateReviewPlan create, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public ReviewPlanInput? Input { get; set; }
    public long CampaignId { get; private set; }
    public string CampaignName { get; private set; } = "";
    public IReadOnlyList<NamedId> Units { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(create.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                p => $"已按种子 {p.Seed} 抽取案卷。", p => RedirectToPage("/Campaigns/Review/Plan", new { id = p.Id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await scope.CampaignAsync(id, ct) is not { } c)
        {
            return NotFound();
        }
        (CampaignId, CampaignName) = (c.Id, c.Name);
        var names = await db.UnitNamesAsync(c.Units.Select(u => (long?)u.UnitId), ct);
        Units = c.Units.Select(u => new NamedId(u.UnitId, names.GetValueOrDefault(u.UnitId, ""))).OrderBy(u => u.Id).ToList();
        return Page();
    }
}

/// <summary>A review plan as published (seed, method, drawn files) with each file's result.</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class PlanModel(CampaignScope scope, SunlightDbContext db) : PageModel
{
    public ReviewPlanDto? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await ReviewPlanQueries.DtoAsync(db, scope, id, ct);
        return Plan is null ? NotFound() : Page();
    }

    public static string KindsText(string kinds) =>
        string.Join("、", kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Enum.TryParse<CaseKind>(k, out var kind) ? EnforcementNames.Kind(kind) : k));
}

/// <summary>The scoring form's rubric and the file's scores so far.</summary>
internal sealed record ScoreView(long ReviewId, long PlanId, string CaseNumber, string UnitName, int RubricVersion, IReadOnlyList<RubricItem> Items,
    int ReviewersPerFile, CaseFileReviewDto Review);

/// <summary>评查打分 in the browser: the rubric's veto and deduction items, each with a reason; same use case as the API.</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class ScoreModel(ScoreCaseFile score, CampaignScope scope) : PageModel
{
    /// <summary>The rubric items marked (veto or deduction).</summary>
    [BindProperty] public List<long>? Marked { get; set; }
    /// <summary>The reason per rubric item.</summary>
    [BindProperty] public Dictionary<long, string?>? Reasons { get; set; }
    public ScoreView? View { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(score.RunAsync(new ScoreInput((Marked ?? []).Distinct().Select(m => new MarkInput(m, Reasons?.GetValueOrDefault(m))).ToList()) { Id = id }, ct),
                r => r.FinalScore is { } f ? $"评查完成：{f:0.#} 分，{r.Grade}{(r.VarianceFlag ? "；两名评查人员评分相差超过 10 分，请复核" : "")}。" : "评分已保存，等待第二名评查人员评查。",
                r => RedirectToPage("/Campaigns/Review/Score", new { id = r.Id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var r = await scope.Reviews().AsNoTracking().Include(x => x.Scores).Include(x => x.Defects).Include(x => x.Case!).ThenInclude(c => c.Unit)
            .Include(x => x.Plan!).ThenInclude(p => p.Rubric!).ThenInclude(x => x.Items).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return NotFound();
        }
        var rubric = r.Plan!.Rubric!;
        View = new ScoreView(r.Id, r.PlanId, r.Case!.Number, r.Case.Unit?.Name ?? "", rubric.VersionNumber,
            rubric.Items.OrderBy(i => i.Part).ThenBy(i => i.Code, StringComparer.Ordinal).ToList(), r.Plan.ReviewersPerFile, CaseFileReviewDto.From(r));
        return Page();
    }
}
