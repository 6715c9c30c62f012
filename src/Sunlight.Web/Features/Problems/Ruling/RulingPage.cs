using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Ruling;

/// <summary>裁定异议 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class RulingModel(RuleOnDispute step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<RulingInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "异议已裁定。", ct);
}
