using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>The unit's list: the scope limits it to complaints assigned to the unit.</summary>
[Authorize(Policy = ComplaintPolicies.Handle)]
internal sealed class AssignedModel(ComplaintQueries queries, SunlightDbContext db) : ComplaintListPage(queries, db)
{
    public override string Heading => "交办本单位的投诉";
    public override bool ShowFilters => false;
}
