using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Reject;

/// <summary>不予受理 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class RejectModel(RejectComplaint step, ComplaintQueries queries) : ComplaintStepPage<RejectInput>(step, queries)
{
    protected override RejectInput For(RejectInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已不予受理";
}
