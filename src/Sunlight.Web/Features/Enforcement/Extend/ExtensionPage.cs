using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Extend;

/// <summary>办案期限延长 in the browser; the form is embedded in the case page and posts here.</summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class ExtensionModel(RecordExtension record, CaseQueries queries) : CaseStepPage<ExtensionInput, EnforcementCase>(queries)
{
    protected override Task<Outcome<EnforcementCase>> RunAsync(long id, CancellationToken ct) => record.RunAsync(Input is null ? null : Input with { Id = id }, ct);

    protected override string Done(EnforcementCase c) => "已登记办案期限延长，已按办案期限（P-90DAYS）重新检查。";
}
