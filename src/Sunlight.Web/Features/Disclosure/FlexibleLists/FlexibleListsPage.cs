using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.FlexibleLists;

/// <summary>An item of an approved flexible-enforcement list as published: the item, its conditions one by one, its basis.</summary>
internal sealed record PublicListItem(long Id, long UnitId, string UnitName, ListKind Kind, int Version, DateTimeOffset? ApprovedAt, string Name,
    IReadOnlyList<string> Conditions, string LegalBasis, string? Form, string? Note) : IUnitRow<PublicListItem>
{
    public PublicListItem Named(string unitName) => this with { UnitName = unitName };
}

/// <summary>
/// <c>/Disclosure/FlexibleLists</c>: 柔性执法清单 — the items of each unit's approved list versions (不予处罚、首违不罚、轻微免罚、
/// 从轻、减轻、免予强制、柔性执法一件事、行政指导事项); drafts and superseded versions are not published.
/// </summary>
[AllowAnonymous]
internal sealed class FlexibleListsModel(SunlightDbContext db, IConfiguration config) : DisclosurePage(db, config)
{
    [BindProperty(SupportsGet = true)] public ListKind? Kind { get; set; }

    public Page<PublicListItem> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = Db.PublishedLeniencyItems(Region);
        if (Kind is { } kind)
        {
            items = items.Where(i => i.List!.Kind == kind);
        }
        List = await PageAsync(items, i => i.Id, false, i => new PublicListItem(i.Id, i.UnitId, "", i.List!.Kind, i.List.Number, i.List.ApprovedAt,
            i.Name, i.Conditions.OrderBy(c => c.Order).Select(c => c.Text).ToList(), i.LegalBasis, i.Form, i.Note), ct);
    }
}
