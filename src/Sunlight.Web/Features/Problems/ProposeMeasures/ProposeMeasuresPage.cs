using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.ProposeMeasures;

/// <summary>制定整改措施 in the browser; the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Rectify)]
internal sealed class ProposeMeasuresModel(ProposeRectificationMeasures step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<ProposeMeasuresInput>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, (input, target) => input with { Id = target }, step, p => $"整改措施已提交，整改时限 {p.Deadline:yyyy-MM-dd}。", ct);
}
