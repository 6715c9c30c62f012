using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Problems.Categories;

/// <summary>The 问题类别 dictionary for Admin and Supervisors: each row and the new-entry form post here.</summary>
[Authorize(Policy = ProblemPolicies.Dictionary)]
internal sealed class CategoriesModel(ProblemCategories categories, SaveCategory save) : PageModel
{
    /// <summary>The entry the posted row edits (0: a new one).</summary>
    [BindProperty] public long Id { get; set; }
    [BindProperty] public CategoryInput? Input { get; set; }

    public List<ProblemCategory> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await categories.ListAsync(false, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(save.RunAsync(Input is null ? null : Input with { Id = Id }, ct), _ => "问题类别已保存。", _ => RedirectToPage(), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Items = await categories.ListAsync(false, ct);
        return Page();
    }
}
