using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Return;

/// <summary>退回 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Handle)]
internal sealed class ReturnModel(ReturnComplaint step, ComplaintQueries queries) : ComplaintStepPage<ReturnInput>(step, queries)
{
    protected override ReturnInput For(ReturnInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已退回";
}
