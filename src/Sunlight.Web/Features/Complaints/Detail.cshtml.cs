using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Complaints.Assign;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>
/// The complaint page: the matter, its history, and the forms of the steps the caller's policies allow — each form
/// posts to its step's own page (Features/Complaints/&lt;Step&gt;/). Reading the reporter's identity stays here.
/// </summary>
[Authorize(Policy = ComplaintPolicies.Read)]
internal sealed class DetailModel(ComplaintQueries queries, SunlightDbContext db, ReporterIdentityReader reporter, IAuthorizationService authorization, Infrastructure.Audit.RecordNames names) : PageModel
{
    public ComplaintDetail? Detail { get; private set; }
    public AssignFormView? AssignForm { get; private set; }
    /// <summary>The reporter, once a Supervisor asked to see them (that viewing is audited).</summary>
    public ReporterDto? Reporter { get; private set; }
    public bool CanSupervise { get; private set; }
    public bool CanHandle { get; private set; }
    public bool CanReadAttachments { get; private set; }
    /// <summary>The timeline's people by display name, not login.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>查看投诉人: Supervisors only (<see cref="ComplaintPolicies.Supervise"/>), audited by the reader on every viewing.</summary>
    public async Task<IActionResult> OnPostReporterAsync(long id, CancellationToken ct)
    {
        if (!await AllowedAsync(ComplaintPolicies.Supervise))
        {
            return Forbid();
        }
        var read = await reporter.ReadAsync(id, ct);
        if (read.NotFound)
        {
            return NotFound();
        }
        Reporter = read.Value;
        return await ShowAsync(id, ct);
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }
        People = await names.PeopleAsync(Detail.Timeline.Select(e => e.Actor), ct);
        CanSupervise = await AllowedAsync(ComplaintPolicies.Supervise);
        CanHandle = await AllowedAsync(ComplaintPolicies.Handle);
        CanReadAttachments = await AllowedAsync(ComplaintPolicies.ReadAttachments);
        AssignForm = CanSupervise && Detail.Complaint.State == ComplaintState.Accepted ? await AssignModel.FormAsync(db, Detail, null, ct) : null;
        return Page();
    }
}
