using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.Officers;

/// <summary>A credential as published: its number and enforcement category (执法类别).</summary>
internal sealed record PublicCredential(string Number, string Category);

/// <summary>An officer as published: name, unit and valid credentials — nothing more (no position, contact or account).</summary>
internal sealed record PublicOfficer(long Id, string Name, long UnitId, string UnitName, IReadOnlyList<PublicCredential> Credentials) : IUnitRow<PublicOfficer>
{
    public PublicOfficer Named(string unitName) => this with { UnitName = unitName };
}

/// <summary><c>/Disclosure/Officers</c>: 执法人员公示 — who may enforce today, by unit, searchable by name or credential number.</summary>
[AllowAnonymous]
internal sealed class OfficersModel(SunlightDbContext db, IConfiguration config, TimeProvider clock) : DisclosurePage(db, config)
{
    public const int QueryLength = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Page<PublicOfficer> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var officers = Db.PublishedOfficers(Region, today);
        if (Text(Q, QueryLength) is { } q)
        {
            officers = officers.Where(o => o.Name.Contains(q) || o.Credentials.Any(c => c.Number.Contains(q)));
        }
        List = await PageAsync(officers, o => o.Id, false, o => new PublicOfficer(o.Id, o.Name, o.UnitId, "", o.Credentials
            .Where(c => c.ValidFrom <= today && c.ValidTo >= today).OrderBy(c => c.Number).Select(c => new PublicCredential(c.Number, c.Category)).ToList()), ct);
    }
}
