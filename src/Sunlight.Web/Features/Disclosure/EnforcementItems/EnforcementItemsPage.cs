using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.EnforcementItems;

/// <summary>An item of a unit's 权责清单 as published: what the unit does (its duty) and on what legal basis.</summary>
internal sealed record PublicEnforcementItem(long Id, long UnitId, string UnitName, string Code, string Name, EnforcementKind Kind, string LegalBasis)
    : IUnitRow<PublicEnforcementItem>
{
    public PublicEnforcementItem Named(string unitName) => this with { UnitName = unitName };
}

/// <summary><c>/Disclosure/EnforcementItems</c>: 执法事项 — each unit's duties and their legal bases, by unit and kind.</summary>
[AllowAnonymous]
internal sealed class EnforcementItemsModel(SunlightDbContext db, IConfiguration config) : DisclosurePage(db, config)
{
    public const int QueryLength = 50;

    [BindProperty(SupportsGet = true)] public EnforcementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Page<PublicEnforcementItem> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = Db.PublishedEnforcementItems(Region);
        if (Kind is { } kind)
        {
            items = items.Where(i => i.Kind == kind);
        }
        if (Text(Q, QueryLength) is { } q)
        {
            items = items.Where(i => i.Name.Contains(q) || i.Code.Contains(q) || i.LegalBasis.Contains(q));
        }
        List = await PageAsync(items, i => i.Id, false, i => new PublicEnforcementItem(i.Id, i.UnitId, "", i.Code, i.Name, i.Kind, i.LegalBasis), ct);
    }
}
