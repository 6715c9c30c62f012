using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>
/// One problem: its facts, progress with evidence, the whole history, and the forms of the steps the caller may take
/// now (each posts to its own page in its use-case folder).
/// </summary>
[Authorize(Policy = ProblemPolicies.Read)]
internal sealed class DetailsModel(SunlightDbContext db, ProblemHistory history, IAuthorizationService authorization, TimeProvider clock, Infrastructure.Audit.RecordNames names) : PageModel
{
    public ProblemDetailDto Detail { get; private set; } = null!;
    public List<Escalation> Escalations { get; private set; } = [];
    /// <summary>The record the problem came from, by name ("投诉举报 TS…"), when it has one.</summary>
    public string? SourceRecord { get; private set; }
    /// <summary>The timeline's people by display name, not login.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    /// <summary>The unit's steps (measures, progress, submit, dispute).</summary>
    public bool CanRectify { get; private set; }
    /// <summary>The bureau's steps (核账, reopen, ruling, 约谈/移送/督办).</summary>
    public bool CanVerify { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, string? no, CancellationToken ct)
    {
        var problemId = id ?? await db.Set<Problem>().Where(p => p.Number == no).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        var detail = problemId is { } pid ? await ProblemDetailQuery.LoadAsync(db, history, pid, ChinaTime.Today(clock), ct) : null;
        if (detail is null)
        {
            return NotFound();
        }
        Detail = detail;
        if (detail.Problem is { SourceType: { } sourceType, SourceId: { } sourceId })
        {
            SourceRecord = await names.NameAsync(sourceType, sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        Escalations = await ManualEscalation.Visible(db.Set<Escalation>().AsNoTracking(), db.Scope)
            .Where(e => e.SubjectType == nameof(Problem) && e.SubjectId == detail.Problem.Id).OrderBy(e => e.Id).ToListAsync(ct);
        // Whoever a person reads about by name: the timeline's actors, the verifier, who reported progress or escalated.
        People = await names.PeopleAsync(detail.Timeline.Select(t => t.Actor).Concat(detail.Progress.Select(g => g.CreatedBy))
            .Concat(Escalations.Select(e => e.CreatedBy)).Append(detail.Problem.VerifiedBy ?? "system"), ct);
        CanRectify = (await authorization.AuthorizeAsync(User, ProblemPolicies.Rectify)).Succeeded;
        CanVerify = (await authorization.AuthorizeAsync(User, ProblemPolicies.Verify)).Succeeded;
        return Page();
    }
}
