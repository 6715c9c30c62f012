using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Accept;
using Sunlight.Web.Features.Complaints.ApproveReply;
using Sunlight.Web.Features.Complaints.Assign;
using Sunlight.Web.Features.Complaints.Close;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Extend;
using Sunlight.Web.Features.Complaints.Merge;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Reject;
using Sunlight.Web.Features.Complaints.Reply;
using Sunlight.Web.Features.Complaints.Return;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints;

/// <summary>The complaint page: the matter, the timeline, and the step forms the caller's role allows. Same handlers as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Read)]
internal sealed class DetailModel(ComplaintQueries queries, SunlightDbContext db, IServiceProvider services) : PageModel
{
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public long? TargetUnitId { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [BindProperty] public long? TargetId { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public ComplaintFinding Finding { get; set; }

    public ComplaintDetail? Detail { get; private set; }
    public AssignFormView? AssignForm { get; private set; }
    public ReporterIdentity? Identity { get; private set; }
    public bool IdentityShown { get; private set; }
    public string? Error { get; private set; }
    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);
    public bool IsUnit => User.IsInRole(Roles.UnitStaff);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<AcceptComplaint>().RunAsync(id, new AcceptInput(Version, Text), ct), "已受理", ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<RejectComplaint>().RunAsync(id, new RejectInput(Required("请填写不予受理的理由"), Version), ct), "已不予受理", ct);

    public Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<MergeComplaint>().RunAsync(id, new MergeInput(TargetId ?? 0, Version), ct), "已合并", ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        Run(id, Roles.UnitStaff, () => Get<ReturnComplaint>().RunAsync(id, new ReturnInput(Required("请填写退回理由"), Version), ct), "已退回", ct);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        Run(id, Roles.UnitStaff, () => Get<DraftReply>().RunAsync(id, new ReplyInput(Required("请填写答复内容"), Version), ct), "答复已提交，等待县司法局审核", ct);

    public Task<IActionResult> OnPostReviewAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<ReviewReply>().RunAsync(id, new ReviewReplyInput(Approve, Text, Version), ct), Approve ? "答复已同意，投诉人可见" : "答复已退回修改", ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<CloseComplaint>().RunAsync(id, new CloseInput(Finding, Text, Version), ct), "已办结", ct);

    public Task<IActionResult> OnPostExtensionAsync(long id, CancellationToken ct) =>
        Run(id, Roles.UnitStaff, () => Get<Extension>().RequestAsync(id, new ExtensionRequestInput(Required("请填写延期理由"), Version), ct), "延期申请已提交", ct);

    public Task<IActionResult> OnPostExtensionDecisionAsync(long id, CancellationToken ct) =>
        Run(id, Roles.Supervisor, () => Get<Extension>().DecideAsync(id, new ExtensionDecisionInput(Approve, Version), ct), Approve ? "已批准延期" : "已不批准延期", ct);

    /// <summary>查看投诉人: Supervisors only, audited by the reader on every viewing.</summary>
    public async Task<IActionResult> OnPostReporterAsync(long id, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        var (found, identity, _) = await Get<ReporterIdentityReader>().ReadAsync(id, ct);
        if (!found)
        {
            return NotFound();
        }
        (Identity, IdentityShown) = (identity, true);
        return await ShowAsync(id, ct);
    }

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();

    private string Required(string message) =>
        string.IsNullOrWhiteSpace(Text) ? throw new RuleViolationException("C-INPUT", message) : Text.Trim();

    private async Task<IActionResult> Run(long id, string role, Func<Task<Complaint?>> step, string done, CancellationToken ct)
    {
        if (!User.IsInRole(role))
        {
            return Forbid();
        }
        try
        {
            if (await step() is null)
            {
                return NotFound();
            }
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is RuleViolationException or DbUpdateConcurrencyException)
        {
            Error = e is RuleViolationException ? e.Message : "该投诉在您操作期间已被他人修改，请刷新后重试。";
            db.ChangeTracker.Clear();
            return await ShowAsync(id, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }
        AssignForm = IsSupervisor && Detail.Complaint.State == ComplaintState.Accepted ? await AssignModel.FormAsync(db, Detail, null, ct) : null;
        return Page();
    }
}
