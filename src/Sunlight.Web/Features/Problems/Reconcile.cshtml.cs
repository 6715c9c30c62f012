using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Problems.Reconcile;

namespace Sunlight.Web.Features.Problems;

/// <summary>对账: the meeting figures per unit and for the county, and every problem that does not reconcile.</summary>
[Authorize(Policy = ProblemPolicies.Read)]
internal sealed class ReconcileModel(Reconciliation reconciliation) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    public ReconcileReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await reconciliation.BuildAsync(UnitId, ct);
}
