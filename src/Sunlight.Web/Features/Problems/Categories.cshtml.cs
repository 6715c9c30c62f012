using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Categories;

namespace Sunlight.Web.Features.Problems;

/// <summary>The 问题类别 dictionary for Admin and Supervisors.</summary>
[Authorize(Roles = ProblemRoles.Dictionary)]
public sealed class CategoriesModel(ProblemCategories categories) : PageModel
{
    public List<ProblemCategory> Items { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await categories.ListAsync(false, ct);

    public async Task<IActionResult> OnPostAsync(long? id, string? name, int sortOrder, bool isActive, Guid? version, CancellationToken ct)
    {
        try
        {
            var r = await categories.SaveAsync(id, new CategoryInput(name ?? "", sortOrder, isActive, version), ct);
            if (r.NotFound)
            {
                return NotFound();
            }
            if (r.Value is not null)
            {
                TempData["Message"] = "问题类别已保存。";
                return RedirectToPage();
            }
            Error = string.Join("；", r.Errors!.SelectMany(e => e.Value));
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "该类别已被他人修改，请刷新后重试。";
        }
        Items = await categories.ListAsync(false, ct);
        return Page();
    }
}
