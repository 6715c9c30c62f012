using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.AddItem;

/// <summary>What the browser posts: the conditions as one text, a line each.</summary>
internal sealed record AddItemForm(string? Name, string? Conditions, string? LegalBasis, string? Form, string? Note, Guid? Version)
{
    public AddItemInput ToInput(long id) =>
        new(Name, (Conditions ?? "").Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).ToList(), LegalBasis, Form, Note, Version) { Id = id };
}

internal sealed record AddItemFormView(long ListId, Guid Version, AddItemForm? Values);

/// <summary>添加清单事项 in the browser; the form is embedded in the list page.</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class AddItemModel(AddListItem step, SunlightDbContext db) : PageModel
{
    [BindProperty] public AddItemForm? Input { get; set; }

    public ListDetailDto? Detail { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(step.RunAsync(Input?.ToInput(id), ct), _ => "已添加事项。",
                l => Redirect($"/Leniency/Lists/{l.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await ListQueries.DetailAsync(db, id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
