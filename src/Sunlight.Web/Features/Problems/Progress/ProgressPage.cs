using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Progress;

/// <summary>What the 报送进展 form posts: the note, the version and the files.</summary>
internal sealed record ProgressForm(string? Note, Guid? Version, List<IFormFile>? Files);

/// <summary>报送整改进展 in the browser (multipart); the form is also embedded in the problem page.</summary>
[Authorize(Policy = ProblemPolicies.Rectify)]
internal sealed class ProgressModel(ReportProgress step, SunlightDbContext db, TimeProvider clock) : ProblemStepPage<ProgressForm>(db, clock)
{
    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        StepAsync(id, () => step.RunAsync(Input is null ? null : new ProgressInput(Input.Note, Input.Version, ProgressInput.Uploads(Input.Files)) { Id = id }, ct),
            _ => "整改进展已报送。", ct);
}
