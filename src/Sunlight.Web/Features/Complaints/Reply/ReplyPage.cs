using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Reply;

/// <summary>答复 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Handle)]
internal sealed class ReplyModel(DraftReply step, ComplaintQueries queries) : ComplaintStepPage<ReplyInput>(step, queries)
{
    protected override ReplyInput For(ReplyInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "答复已提交，等待县司法局审核";
}
