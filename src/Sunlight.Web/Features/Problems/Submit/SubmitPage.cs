using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Submit;

/// <summary>提交核账 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Rectify)]
internal sealed class SubmitModel(SubmitRectification step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<SubmitInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, _ => "已提交县司法局核账。", ct);
}
