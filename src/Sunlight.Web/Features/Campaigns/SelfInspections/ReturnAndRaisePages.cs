using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.SelfInspections;

/// <summary>退回自查 in the browser: the reason form beside a submitted self-inspection on the campaign page posts here.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class ReturnSelfInspectionModel(ReturnSelfInspection ret, SunlightDbContext db) : PageModel
{
    [BindProperty] public ReturnSelfInspectionInput? Input { get; set; }
    public long CampaignId { get; private set; }
    public string UnitName { get; private set; } = "";
    public SelfInspectionState State { get; private set; }
    public ReturnFormView? Form { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(ret.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                _ => "自查已退回，单位将收到退回理由。", s => RedirectToPage("/Campaigns/Details", new { id = s.CampaignId }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var self = await db.Set<SelfInspection>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (self is null)
        {
            return NotFound();
        }
        (CampaignId, State, Form) = (self.CampaignId, self.State, new ReturnFormView(self.Id, self.Version, Input?.Reason));
        UnitName = (await db.UnitNamesAsync([self.UnitId], ct)).GetValueOrDefault(self.UnitId, "");
        return Page();
    }
}

/// <summary>The 退回 form: the self-inspection, the version seen, the reason typed.</summary>
internal sealed record ReturnFormView(long Id, Guid Version, string? Reason);

/// <summary>What the 登记问题 form shows: where it posts, the categories, and what was typed.</summary>
internal sealed record ProblemFormView(string Action, string Heading, IReadOnlyList<string> Categories, CampaignProblemInput? Values);

/// <summary>
/// A problem found in a campaign, raised in the browser: the unit's (自查) form on its self-inspection page and the
/// team's (督查) form on the inspection page post to these two pages; same use case as the API.
/// </summary>
internal abstract class CampaignProblemPage(RaiseCampaignProblem raise, ProblemCategories categories, ProblemSource source) : PageModel
{
    [BindProperty] public CampaignProblemInput? Input { get; set; }
    public ProblemFormView? Form { get; private set; }
    public long Id { get; private set; }
    public string Back => (source == ProblemSource.SelfInspection ? "/Campaigns/SelfInspect/" : "/Campaigns/Inspect/") + Id;

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(raise.RunAsync(Input is null ? null : Input with { Id = id, Source = source }, ct),
                p => $"问题已列入问题清单，编号 {p.Number}。", _ => { Id = id; return Redirect(Back); }, () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Id = id;
        Form = await FormAsync(categories, source, id, Input, ct);
        return Page();
    }

    /// <summary>The form for the self-inspection's (自查) or the inspection's (督查) page, posting to its step page.</summary>
    internal static async Task<ProblemFormView> FormAsync(ProblemCategories categories, ProblemSource source, long id, CampaignProblemInput? values, CancellationToken ct) =>
        new(source == ProblemSource.SelfInspection ? $"/Campaigns/RaiseProblem/{id}" : $"/Campaigns/RaiseFinding/{id}",
            source == ProblemSource.SelfInspection ? "自查发现的问题（列入问题清单）" : "督查发现的问题（列入问题清单）",
            (await categories.ListAsync(true, ct)).Select(c => c.Name).ToList(), values);
}

[Authorize(Policy = CampaignPolicies.SelfInspect)]
internal sealed class RaiseSelfInspectionProblemModel(RaiseCampaignProblem raise, ProblemCategories categories)
    : CampaignProblemPage(raise, categories, ProblemSource.SelfInspection);

[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class RaiseFindingModel(RaiseCampaignProblem raise, ProblemCategories categories)
    : CampaignProblemPage(raise, categories, ProblemSource.SupervisoryInspection);
