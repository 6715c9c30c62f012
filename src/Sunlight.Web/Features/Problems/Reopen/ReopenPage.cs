using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Reopen;

/// <summary>重新打开 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class ReopenModel(ReopenProblem step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<ReopenInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "问题已重新打开。", ct);
}
