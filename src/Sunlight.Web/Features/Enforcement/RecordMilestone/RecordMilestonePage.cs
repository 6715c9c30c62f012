using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.RecordMilestone;

/// <summary>记录办案环节 in the browser; the form is embedded in the case page and posts here.</summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class RecordMilestoneModel(RecordCaseMilestone record, CaseQueries queries) : CaseStepPage<RecordMilestoneInput, EnforcementCase>(queries)
{
    protected override Task<Outcome<EnforcementCase>> RunAsync(long id, CancellationToken ct) => record.RunAsync(Input is null ? null : Input with { Id = id }, ct);

    protected override string Done(EnforcementCase c) => $"已记录“{EnforcementNames.Milestone(c.Stage ?? MilestoneKind.Filed)}”等办案环节，已按合法性规则检查。";
}
