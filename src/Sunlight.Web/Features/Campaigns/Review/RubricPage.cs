using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>
/// 评查标准 in the browser: the current version as an editable table (blank rows add items, a row cleared of its code and
/// text is dropped), saved as the next version; an earlier version (by id) read only.
/// </summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class RubricModel(EditRubric edit, Rubrics rubrics, SunlightDbContext db) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty] public EditRubricInput? Input { get; set; }
    public RubricDto? Shown { get; private set; }
    public bool IsCurrent { get; private set; }

    public Task<IActionResult> OnGetAsync(long? id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(null, ct);
        }
        // Blank rows are dropped before validation, so an error's row number is the row shown again.
        Input = Input is null ? null : Input with { Items = Input.Items?.Where(i => !IsBlank(i)).ToList() };
        return await this.RespondAsync(edit.RunAsync(Input, ct),
            r => $"评查标准已保存为第 {r.VersionNumber} 版；此后制定的评查方案使用新版本，已有方案仍用原版本。",
            _ => RedirectToPage("/Campaigns/Review/Rubric"), () => ShowAsync(null, ct));
    }

    /// <summary>The rows the form shows: the items being edited and <see cref="BlankRows"/> empty ones.</summary>
    public IReadOnlyList<RubricItemInput> Rows() =>
        [.. Input?.Items ?? [], .. Enumerable.Repeat(new RubricItemInput("", RubricPart.Substance, "", 0, DefectCategory.Procedure), BlankRows)];

    private static bool IsBlank(RubricItemInput i) => string.IsNullOrWhiteSpace(i.Code) && string.IsNullOrWhiteSpace(i.Text);

    private async Task<IActionResult> ShowAsync(long? id, CancellationToken ct)
    {
        var current = await rubrics.CurrentAsync(ct);
        var rubric = id is null || id == current.Id ? current
            : await db.Set<Rubric>().AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rubric is null)
        {
            return NotFound();
        }
        IsCurrent = ReferenceEquals(rubric, current);
        Shown = await RubricDto.FromAsync(db, rubric, ct);
        // The form starts from the current version; a redisplay keeps what was typed.
        Input ??= new EditRubricInput(Shown.Version, Shown.Name, Shown.ExcellentFrom, Shown.PassFrom,
            Shown.Items.Select(i => new RubricItemInput(i.Code, i.Part, i.Text, i.Points, i.Category)).ToList());
        return Page();
    }
}
