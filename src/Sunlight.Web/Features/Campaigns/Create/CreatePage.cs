using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Create;

/// <summary>
/// 制定专项治理 in the browser: the checklist is typed one 检查事项 per line with its 检查内容 on the lines below it,
/// each starting with “-”, or copied from an earlier campaign; same use case as the API.
/// </summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class CreateModel(CreateCampaign create, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public CreateCampaignInput? Input { get; set; }
    [BindProperty] public string? Checklist { get; set; }

    public IReadOnlyList<NamedId> Units { get; private set; } = [];
    public IReadOnlyList<NamedId> Earlier { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid || Input is null
            ? await ShowAsync(ct)
            : await this.RespondAsync(create.RunAsync(Input with { Items = Parse(Checklist) }, ct),
                c => $"已制定专项治理（草稿）：{c.Items.Count} 项检查事项，{c.Items.Sum(i => i.Points.Count)} 项检查内容。",
                c => RedirectToPage("/Campaigns/Details", new { id = c.Id }), () => ShowAsync(ct));

    /// <summary>Lines starting with “-” are 检查内容 of the 检查事项 above them; other lines are 检查事项.</summary>
    internal static List<ChecklistItemInput>? Parse(string? text)
    {
        var items = new List<(string Title, List<string?> Points)>();
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line[0] is '-' or '－' or '·' && items.Count > 0)
            {
                items[^1].Points.Add(line[1..].Trim());
            }
            else
            {
                items.Add((line, []));
            }
        }
        return items.Count == 0 ? null : items.Select(i => new ChecklistItemInput(i.Title, i.Points)).ToList();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code)
            .Select(u => new NamedId(u.Id, u.Name)).ToListAsync(ct);
        Earlier = await scope.Campaigns().AsNoTracking().OrderByDescending(c => c.Id).Select(c => new NamedId(c.Id, c.Name)).Take(100).ToListAsync(ct);
        return Page();
    }
}
