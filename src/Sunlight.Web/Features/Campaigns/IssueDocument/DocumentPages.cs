using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.IssueDocument;

/// <summary>制发监督文书 in the browser: the form for one 督查's unit; the document page follows.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class IssueDocumentModel(IssueSupervisionDocument issue, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public IssueDocumentInput? Input { get; set; }
    public string UnitName { get; private set; } = "";
    public long InspectionId { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(issue.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                d => $"已制发{FollowUpNames.DocumentType(d.Type)}（{d.Number}）。", d => Redirect($"/Campaigns/Documents/{d.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await scope.Inspections().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.UnitId }).FirstOrDefaultAsync(ct) is not { } i)
        {
            return NotFound();
        }
        UnitName = (await db.UnitNamesAsync([i.UnitId], ct)).GetValueOrDefault(i.UnitId, "");
        InspectionId = id;
        return Page();
    }
}

/// <summary>One supervision document, its .docx and the unit's answer; the unit answers on it (the form of <c>RespondDocument</c>).</summary>
[Authorize(Policy = CampaignPolicies.Read)]
internal sealed class DocumentModel(SupervisionDocumentQueries documents, IAuthorizationService authorization) : PageModel
{
    public SupervisionDocumentDto? Document { get; private set; }
    public bool CanRespond { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Document = await documents.DetailAsync(id, ct);
        if (Document is null)
        {
            return NotFound();
        }
        CanRespond = Document.RespondedOn is null && (await authorization.AuthorizeAsync(User, CampaignPolicies.SelfInspect)).Succeeded;
        return Page();
    }
}

/// <summary>A campaign's supervision documents, newest first, with whether and when each unit answered.</summary>
[Authorize(Policy = CampaignPolicies.Read)]
internal sealed class DocumentListModel(SupervisionDocumentQueries documents) : PageModel
{
    public Page<SupervisionDocumentDto>? List { get; private set; }
    public long CampaignId { get; private set; }

    public async Task OnGetAsync(long id, long? after, CancellationToken ct)
    {
        CampaignId = id;
        List = await documents.ListAsync(id, after, null, ct);
    }
}
