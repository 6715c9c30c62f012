using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Disclosure;

/// <summary>公示 in the browser; the form is embedded in the case page and posts here.</summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class DisclosureModel(RecordDisclosure record, CaseQueries queries) : CaseStepPage<DisclosureInput, EnforcementCase>(queries)
{
    protected override Task<Outcome<EnforcementCase>> RunAsync(long id, CancellationToken ct) => record.RunAsync(Input is null ? null : Input with { Id = id }, ct);

    protected override string Done(EnforcementCase c) => "已登记公示情况，已按公示时限检查。";
}
