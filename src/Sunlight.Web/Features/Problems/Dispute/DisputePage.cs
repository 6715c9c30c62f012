using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Dispute;

/// <summary>提出异议 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Rectify)]
internal sealed class DisputeModel(DisputeProblem step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<DisputeInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "异议已提交，等待县司法局裁定。", ct);
}
