using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.Extend;

/// <summary>申请延期 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Handle)]
internal sealed class ExtendModel(RequestExtension step, ComplaintQueries queries) : ComplaintStepPage<ExtensionRequestInput>(step, queries)
{
    protected override ExtensionRequestInput For(ExtensionRequestInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "延期申请已提交";
}
