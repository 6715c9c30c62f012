using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.InspectionItems;

/// <summary>An item of a unit's 检查事项清单 as published: what it may inspect, how, and on what legal basis.</summary>
internal sealed record PublicInspectionItem(long Id, long UnitId, string UnitName, string Code, string Name, string? Method, string LegalBasis)
    : IUnitRow<PublicInspectionItem>
{
    public PublicInspectionItem Named(string unitName) => this with { UnitName = unitName };
}

/// <summary><c>/Disclosure/InspectionItems</c>: 检查事项清单 — a unit inspects an enterprise for nothing that is not listed here.</summary>
[AllowAnonymous]
internal sealed class InspectionItemsModel(SunlightDbContext db, IConfiguration config) : DisclosurePage(db, config)
{
    public const int QueryLength = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Page<PublicInspectionItem> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = Db.PublishedInspectionItems(Region);
        if (Text(Q, QueryLength) is { } q)
        {
            items = items.Where(i => i.Name.Contains(q) || i.Code.Contains(q) || i.LegalBasis.Contains(q));
        }
        List = await PageAsync(items, i => i.Id, false, i => new PublicInspectionItem(i.Id, i.UnitId, "", i.Code, i.Name, i.Method, i.LegalBasis), ct);
    }
}
