using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Close;

/// <summary>办结 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class CloseModel(CloseComplaint step, ComplaintQueries queries) : ComplaintStepPage<CloseInput>(step, queries)
{
    protected override CloseInput For(CloseInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已办结";
}
