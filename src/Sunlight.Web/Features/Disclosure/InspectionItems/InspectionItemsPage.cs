using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.InspectionItems;

/// <summary>An item of a unit's 检查事项清单 as published: what it may inspect, how, and on what legal basis.</summary>
internal sealed record PublicInspectionItem(long Id, long UnitId, string UnitName, string Code, string Name, string? Method, string LegalBasis);

/// <summary><c>/Disclosure/InspectionItems</c>: 检查事项清单 — a unit inspects an enterprise for nothing that is not listed here.</summary>
[AllowAnonymous]
internal sealed class InspectionItemsModel(SunlightDbContext db, IConfiguration config) : DisclosurePage(db, config)
{
    public const int QueryLength = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Page<PublicInspectionItem> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadUnitsAsync(ct);
        var items = Db.PublishedInspectionItems(Region);
        if (UnitId is { } unit)
        {
            items = items.Where(i => i.UnitId == unit);
        }
        if (Text(Q, QueryLength) is { } q)
        {
            items = items.Where(i => i.Name.Contains(q) || i.Code.Contains(q) || i.LegalBasis.Contains(q));
        }
        var page = await items.KeysetAsync(i => i.Id, false, After, null,
            i => new PublicInspectionItem(i.Id, i.UnitId, "", i.Code, i.Name, i.Method, i.LegalBasis), i => i.Id, ct);
        var names = await UnitNamesAsync(page.Items.Select(i => i.UnitId), ct);
        List = page.Map(i => i with { UnitName = names.GetValueOrDefault(i.UnitId, "") });
    }
}
