using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.RecordExemption;

/// <summary>
/// 登记免罚案件 in the browser: pick an item of the unit's approved no-penalty lists (GET ?itemId=), then confirm each of
/// its conditions, record the facts, the education given and the correction deadline.
/// </summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class RecordExemptionModel(RecordExemptionCase step, SunlightDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? ItemId { get; set; }
    [BindProperty] public ExemptionInput? Input { get; set; }

    public IReadOnlyList<ListItemDto> Items { get; private set; } = [];
    public ListItemDto? Item { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        ItemId = Input?.ListItemId;
        return await this.RespondAsync(step.RunAsync(Input, ct), e => $"已登记免罚案件 {e.Number}。", e => Redirect($"/Leniency/Exemptions/{e.Id}"), () => ShowAsync(ct));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var items = new List<ListItemDto>();
        foreach (var kind in new[] { ListKind.FirstViolation, ListKind.MinorViolation, ListKind.NoPenalty })
        {
            items.AddRange((await ListQueries.ItemsAsync(db, new ItemQuery(null, kind, null, null, Paging.MaxLimit), ct)).Items);
        }
        Items = items;
        ItemId ??= Input?.ListItemId;
        Item = items.FirstOrDefault(i => i.Id == ItemId);
        return Page();
    }
}
