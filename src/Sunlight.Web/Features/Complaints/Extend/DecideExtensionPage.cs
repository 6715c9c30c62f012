using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Extend;

/// <summary>审批延期 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class DecideExtensionModel(DecideExtension step, ComplaintQueries queries) : ComplaintStepPage<ExtensionDecisionInput>(step, queries)
{
    protected override ExtensionDecisionInput For(ExtensionDecisionInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => c.Extension == ExtensionState.Approved ? "已批准延期" : "已不批准延期";
}
