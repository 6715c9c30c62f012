using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>The Supervisor's intake queue: complaints received and not yet accepted.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class QueueModel(ComplaintQueries queries, SunlightDbContext db) : ComplaintListPage(queries, db)
{
    public override string Heading => "待受理投诉";
    public override bool ShowFilters => false;
    protected override ComplaintState? FixedState => ComplaintState.Received;
}
