using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.ApproveReply;

/// <summary>审核答复 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class ApproveReplyModel(ReviewReply step, ComplaintQueries queries) : ComplaintStepPage<ReviewReplyInput>(step, queries)
{
    protected override ReviewReplyInput For(ReviewReplyInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => c.State == ComplaintState.Replied ? "答复已同意，投诉人可见" : "答复已退回修改";
}
