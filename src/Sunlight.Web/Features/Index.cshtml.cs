using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features;

/// <summary>The landing page: what the caller's scope holds, each figure linking to its list.</summary>
internal sealed class IndexModel(SunlightDbContext db, TimeProvider clock) : PageModel
{
    public string CountyTitle { get; private set; } = "";
    public List<(string Label, int Value, string Link)> Cards { get; } = [];
    public Enterprise? OwnEnterprise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).CountAsync(ct);
        // The bureau's name is public; UnitStaff, whose scope hides other units, still see whose platform this is.
        var region = db.Scope.RegionCode;
        var supervisor = await db.PublicUnits()
            .Where(u => u.Kind == UnitKind.Supervisor && (region == null || u.RegionCode == region))
            .Select(u => u.Name).FirstOrDefaultAsync(ct);
        CountyTitle = (supervisor ?? "阳光执法监督平台") + " · 行政执法监督";
        if (User.IsInRole(Infrastructure.Identity.Roles.Enterprise))
        {
            // An enterprise account sees its own registration (the query filter limits it to its USCC).
            OwnEnterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(ct);
            return;
        }
        Cards.Add(("执法单位", units, "/Registry/Units"));
        Cards.Add(("执法人员（持证）", await db.Officers.CountAsync(o => !o.IsAuxiliary, ct), "/Registry/Officers?auxiliary=false"));
        Cards.Add(("执法证过期", await db.Officers.CountAsync(o => !o.IsAuxiliary && !o.Credentials.Any(c => c.ValidFrom <= today && c.ValidTo >= today), ct), "/Registry/Officers?expired=true"));
        Cards.Add(("企业", await db.Enterprises.CountAsync(ct), "/Registry/Enterprises"));
    }
}
