using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.Draws;

/// <summary>双随机抽查: the unit's form; the result is public at once.</summary>
[Authorize(Policy = InspectionPolicies.Conduct)]
internal sealed class DrawsModel(DrawInspection draw, DrawQueries queries) : PageModel
{
    [BindProperty] public DrawInput? Input { get; set; }

    public List<RandomDraw> Recent { get; private set; } = [];

    /// <summary>The recent draws in the caller's scope: only those link to the results page (others' would answer 404).</summary>
    public HashSet<long> InScope { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(draw.RunAsync(Input, ct), d => $"已抽取 {d.TargetCount} 家企业、{d.InspectorCount} 名执法人员，结果已公开。",
                d => Redirect($"/Public/Inspections/Draws/{d.Id}"), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Recent = await queries.RecentAsync(ct);
        InScope = await queries.InScopeAsync(Recent.ConvertAll(d => d.Id), ct);
        return Page();
    }
}

/// <summary>A draw, public: inputs, seed, pool, result, and whether it reproduces.</summary>
[AllowAnonymous]
internal sealed class PublicDrawModel(DrawQueries queries) : PageModel
{
    public PublicDraw? Draw { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Draw = await queries.PublicAsync(id, ct);
        return Draw is null ? NotFound() : Page();
    }
}
