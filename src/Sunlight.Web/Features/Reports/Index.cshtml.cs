using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Reports.Statistics;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Reports;

internal sealed record CampaignChoice(long Id, string Name, string State);
internal sealed record UnitChoice(long Id, string Name);

/// <summary>报告与统计: the downloads a reader may take — campaign reports and annual statistics for the bureau and the
/// liaison, the report card of any unit for them and of its own unit for a unit account.</summary>
[Authorize(Policy = ReportsPolicies.UnitCard)]
internal sealed class ReportsIndexModel(SunlightDbContext db, CampaignScope campaigns, AnnualStatistics statistics, IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public bool County { get; private set; }
    public IReadOnlyList<CampaignChoice> Campaigns { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        County = (await authorization.AuthorizeAsync(User, ReportsPolicies.County)).Succeeded;
        if (County)
        {
            Campaigns = (await campaigns.Campaigns().AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name, c.State }).ToListAsync(ct))
                .Select(c => new CampaignChoice(c.Id, c.Name, CampaignNames.State(c.State))).ToList();
            Years = await statistics.YearsAsync(completeOnly: false, ct);
        }
        var own = db.Scope.UnitId;
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && (own == null || u.Id == own)).OrderBy(u => u.Code)
            .Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        (From, To) = ReportPeriod.Of(null, null, clock);
    }

    /// <summary>The report card form: to the file of the chosen unit and period.</summary>
    public IActionResult OnGetCard(long unit, DateOnly? from, DateOnly? to)
    {
        var (start, end) = ReportPeriod.Of(from, to, clock);
        return Redirect($"/api/v1/reports/units/{unit}/docx?from={start:yyyy-MM-dd}&to={end:yyyy-MM-dd}");
    }
}
