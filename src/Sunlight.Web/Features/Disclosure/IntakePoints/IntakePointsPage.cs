using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.IntakePoints;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.IntakePoints;

/// <summary>An intake point as published: where its poster hangs and its QR code (the complaint form it opens).</summary>
internal sealed record PublicIntakePoint(long Id, string Name, string Place, string KindText, string Url, string QrDataUri);

/// <summary>
/// <c>/Disclosure/IntakePoints</c>: 投诉征集点 — the county's active public intake points with their QR codes (the complaints
/// capability's <see cref="IntakePointService"/>); as on the front door, points inside enterprises and the website's are not listed.
/// </summary>
[AllowAnonymous]
internal sealed class IntakePointsModel(SunlightDbContext db, IConfiguration config, IntakePointService points) : DisclosurePage(db, config)
{
    public Page<PublicIntakePoint> List { get; private set; } = new([], null, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await points.All().AsNoTracking()
            .Where(p => p.RegionCode == Region && p.IsActive && p.Kind != IntakePointKind.Enterprise && p.Kind != IntakePointKind.Website)
            .KeysetAsync(p => p.Id, false, After, null, p => p, p => p.Id, ct);
        List = page.Map(p => new PublicIntakePoint(p.Id, p.Name, p.Place, ComplaintText.Kind(p.Kind), points.UrlOf(p),
            "data:image/png;base64," + Convert.ToBase64String(points.QrPng(p, 4))));
    }
}
