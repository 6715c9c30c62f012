using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>企业评价 for the Supervisor only: the inspected units never see them.</summary>
[Authorize(Policy = InspectionPolicies.Supervise)]
internal sealed class RatingsModel(RatingQueries ratings, SunlightDbContext db) : PageModel
{
    public Page<RatingRow> Rows { get; private set; } = new([], null);

    public async Task OnGetAsync(long? after, CancellationToken ct) => Rows = await ratings.RatingsAsync(db.Set<InspectionRating>(), after, Paging.DefaultLimit, ct);
}
