using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Portal;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features;

/// <summary>
/// <c>/</c>: for the public, the front door (门户: file a complaint, follow one, the bureau's channels and intake points);
/// for a signed-in account, its work home (工作台): what needs its action, most urgent first, in working days.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(SunlightDbContext db, WorkHomeQuery work, SupervisionFigures figures, IOptions<PortalOptions> portal, TimeProvider clock) : PageModel
{
    public string CountyTitle { get; private set; } = "";
    public bool SignedIn { get; private set; }
    public PortalOptions Portal => portal.Value;
    public IReadOnlyList<(string Name, string Place)> IntakePoints { get; private set; } = [];
    public IReadOnlyList<WorkRow> Work { get; private set; } = [];
    public List<(string Label, int Value, string Link)> Cards { get; } = [];
    public Enterprise? OwnEnterprise { get; private set; }
    public bool IsEnterprise { get; private set; }
    public bool IsInspector { get; private set; }
    /// <summary>Supervisor and Observer: complaint and problem figures, each linking to its list.</summary>
    public IReadOnlyList<FigureGroup> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        // The bureau's name is public; UnitStaff, whose scope hides other units, still see whose platform this is.
        var region = db.Scope.RegionCode;
        var supervisor = await db.PublicUnits()
            .Where(u => u.Kind == UnitKind.Supervisor && (region == null || u.RegionCode == region))
            .Select(u => u.Name).FirstOrDefaultAsync(ct);
        CountyTitle = (supervisor ?? "阳光执法监督平台") + " · 行政执法监督";
        if (!SignedIn)
        {
            IntakePoints = (await db.Set<IntakePoint>().AsNoTracking()
                    .Where(p => p.IsActive && p.Kind != IntakePointKind.Enterprise && p.Kind != IntakePointKind.Website)
                    .OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new { p.Name, p.Place }).ToListAsync(ct))
                .Select(p => (p.Name, p.Place)).ToList();
            return;
        }
        Work = await work.ForAsync(User, ct);
        IsEnterprise = User.IsInRole(Roles.Enterprise);
        IsInspector = User.IsInRole(Roles.Inspector);
        if (IsEnterprise)
        {
            // An enterprise account sees its own registration (the query filter limits it to its USCC).
            OwnEnterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(ct);
            return;
        }
        if (User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Observer))
        {
            Figures = await figures.ForAsync(ct);
        }
        var today = ChinaTime.Today(clock);
        Cards.Add(("执法单位", await db.Units.Where(u => u.Kind == UnitKind.Enforcement).CountAsync(ct), "/Registry/Units"));
        Cards.Add(("执法人员（持证）", await db.Officers.CountAsync(o => !o.IsAuxiliary, ct), "/Registry/Officers?auxiliary=false"));
        Cards.Add(("执法证过期", await db.Officers.CountAsync(o => !o.IsAuxiliary && !o.Credentials.Any(c => c.ValidFrom <= today && c.ValidTo >= today), ct), "/Registry/Officers?expired=true"));
        Cards.Add(("企业", await db.Enterprises.CountAsync(ct), "/Registry/Enterprises"));
    }
}
