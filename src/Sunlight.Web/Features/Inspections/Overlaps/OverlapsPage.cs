using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.Overlaps;

/// <summary>The Supervisor's page: merge proposals (with the joint-inspection form), overlaps in the window, the most-inspected enterprises.</summary>
[Authorize(Policy = InspectionPolicies.Supervise)]
internal sealed class OverlapsModel(OverlapDetection detect, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MergeProposal> Proposals { get; private set; } = [];
    public Page<OverlapPair> Pairs { get; private set; } = new([], null);
    public IReadOnlyList<BurdenRow> Burden { get; private set; } = [];
    public int Window { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? window, int? year, long? after, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Window = detect.Window(window);
        Year = Math.Clamp(year ?? Today.Year, 2000, 2100);
        Proposals = await detect.ProposalsAsync(Today, Window, ct);
        Pairs = await detect.PageAsync(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), Window, after, Paging.DefaultLimit, ct);
        Burden = await detect.BurdenAsync(Year, null, 20, ct);
    }
}
