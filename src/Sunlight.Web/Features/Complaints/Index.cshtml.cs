using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

[Authorize(Policy = ComplaintPolicies.Read)]
internal sealed class IndexModel(ComplaintQueries queries, SunlightDbContext db) : ComplaintListPage(queries, db)
{
    public override string Heading => "投诉举报台账";
}
