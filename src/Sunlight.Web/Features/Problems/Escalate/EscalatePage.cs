using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Escalate;

/// <summary>约谈/移送/督办 on a problem in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class EscalateModel(EscalateProblem step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<EscalateInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, () => step.RunAsync(Input is null ? null : Input with { Id = id }, ct), e => $"已记录{Escalation.KindName(e.Kind)}。", ct);
}
