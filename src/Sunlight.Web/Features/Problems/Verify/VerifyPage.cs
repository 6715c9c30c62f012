using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Verify;

/// <summary>核账 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class VerifyModel(VerifyRectification step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<VerifyInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step,
            p => p.State == ProblemState.WrittenOff ? "核账通过，问题已销账。" : "已退回责任单位继续整改。", ct);
}
