using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Merge;

/// <summary>合并 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class MergeModel(MergeComplaint step, ComplaintQueries queries) : ComplaintStepPage<MergeInput>(step, queries)
{
    protected override MergeInput For(MergeInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已合并";
}
