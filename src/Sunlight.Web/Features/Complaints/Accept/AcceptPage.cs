using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Accept;

/// <summary>受理 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class AcceptModel(AcceptComplaint accept, ComplaintQueries queries) : ComplaintStepPage<AcceptInput>(accept, queries)
{
    protected override AcceptInput For(AcceptInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已受理";
}
