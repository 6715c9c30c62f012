using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Progress;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems;

/// <summary>One problem: its facts, the step the caller may take now, progress with evidence, and the whole history.</summary>
[Authorize(Roles = ProblemRoles.Read)]
public sealed class DetailsModel(SunlightDbContext db, ProblemHistory history, TimeProvider clock) : PageModel
{
    public ProblemDetailDto Detail { get; private set; } = null!;
    public List<Escalation> Escalations { get; private set; } = [];
    public string? Error { get; private set; }
    public bool IsUnit => User.IsInRole(Roles.UnitStaff);
    public bool IsBureau => User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(long? id, string? no, CancellationToken ct)
    {
        var problemId = id ?? await db.Set<Problem>().Where(p => p.Number == no).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return problemId is { } pid && await LoadAsync(pid, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostMeasuresAsync(long id, string? measures, DateOnly? deadline, Guid version, [FromServices] ProposeRectificationMeasures step, CancellationToken ct) =>
        Step(id, Roles.UnitStaff, () => step.HandleAsync(id, new ProposeMeasuresInput(measures ?? "", deadline, version), ct), "整改措施已提交。", ct);

    public Task<IActionResult> OnPostProgressAsync(long id, string? note, Guid version, List<IFormFile>? files, [FromServices] ReportProgress step, CancellationToken ct) =>
        Step(id, Roles.UnitStaff, () => step.HandleAsync(id, new ProgressInput(note ?? "", version,
            (files ?? []).Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList()), ct), "整改进展已报送。", ct);

    public Task<IActionResult> OnPostSubmitAsync(long id, string? completion, Guid version, [FromServices] SubmitRectification step, CancellationToken ct) =>
        Step(id, Roles.UnitStaff, () => step.HandleAsync(id, new SubmitInput(completion ?? "", version), ct), "已提交县司法局核账。", ct);

    public Task<IActionResult> OnPostDisputeAsync(long id, string? reason, Guid version, [FromServices] DisputeProblem step, CancellationToken ct) =>
        Step(id, Roles.UnitStaff, () => step.DisputeAsync(id, new DisputeInput(reason ?? "", version), ct), "异议已提交，等待县司法局裁定。", ct);

    public Task<IActionResult> OnPostVerifyAsync(long id, bool accept, string? opinion, Guid version, [FromServices] VerifyRectification step, CancellationToken ct) =>
        Step(id, Roles.Supervisor, () => step.HandleAsync(id, new VerifyInput(accept, opinion, version), ct), accept ? "核账通过，问题已销账。" : "已退回责任单位继续整改。", ct);

    public Task<IActionResult> OnPostReopenAsync(long id, string? reason, Guid version, [FromServices] ReopenProblem step, CancellationToken ct) =>
        Step(id, Roles.Supervisor, () => step.HandleAsync(id, new ReopenInput(reason ?? "", version), ct), "问题已重新打开。", ct);

    public Task<IActionResult> OnPostRulingAsync(long id, bool upheld, string? ruling, Guid version, [FromServices] DisputeProblem step, CancellationToken ct) =>
        Step(id, Roles.Supervisor, () => step.RuleAsync(id, new DisputeRulingInput(upheld, ruling ?? "", version), ct), "异议已裁定。", ct);

    public async Task<IActionResult> OnPostEscalateAsync(long id, EscalationKind kind, string? reason, [FromServices] EscalationLedger ledger, CancellationToken ct)
    {
        if (!IsBureau)
        {
            return Forbid();
        }
        var problem = await db.Set<Problem>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null)
        {
            return NotFound();
        }
        if (ManualEscalation.Check(kind, reason) is { } error)
        {
            Error = error.Message;
            await LoadAsync(id, ct);
            return Page();
        }
        await ledger.RecordManualAsync(kind, problem.UnitId, nameof(Problem), problem.Id, reason!.Trim(), $"/Problems/Details?no={problem.Number}", ct);
        TempData["Message"] = $"已记录{Escalation.KindName(kind)}。";
        return Redirect($"/Problems/Details?no={problem.Number}");
    }

    private async Task<IActionResult> Step(long id, string role, Func<Task<Outcome<Problem>>> step, string done, CancellationToken ct)
    {
        if (!User.IsInRole(role))
        {
            return Forbid();
        }
        try
        {
            var r = await step();
            if (r.NotFound)
            {
                return NotFound();
            }
            if (r.Value is { } p)
            {
                TempData["Message"] = done;
                return Redirect($"/Problems/Details?no={p.Number}");
            }
            Error = string.Join("；", r.Errors!.SelectMany(e => e.Value));
        }
        catch (RuleViolationException ex)
        {
            Error = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "该问题在您操作期间已被他人修改，请查看最新情况后重试。";
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var detail = await ProblemDetailQuery.LoadAsync(db, history, id, ChinaTime.Today(clock), ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        Escalations = await ManualEscalation.Visible(db.Set<Escalation>().AsNoTracking(), db.Scope)
            .Where(e => e.SubjectType == nameof(Problem) && e.SubjectId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return true;
    }
}
