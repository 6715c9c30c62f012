using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Campaigns.RespondDocument;

/// <summary>What the 书面回复 form posts: the text, the version and the files.</summary>
internal sealed record RespondForm(string? Response, Guid? Version, List<IFormFile>? Files);

/// <summary>The 书面回复 form: the document answered and the text typed so far.</summary>
internal sealed record RespondFormView(SupervisionDocumentDto Document, string? Typed);

/// <summary>书面回复 in the browser (multipart); the form is embedded in the document page.</summary>
[Authorize(Policy = CampaignPolicies.SelfInspect)]
internal sealed class RespondModel(RespondToDocument respond, SupervisionDocumentQueries documents) : PageModel
{
    [BindProperty] public RespondForm? Input { get; set; }
    public SupervisionDocumentDto? Document { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        this.RespondAsync(respond.RunAsync(Input is null ? null : new RespondInput(Input.Response, Input.Version,
                Input.Files?.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList() ?? []) { Id = id }, ct),
            d => d.RespondedLate ? "书面回复已提交（已超过回复期限）。" : "书面回复已提交。", d => Redirect($"/Campaigns/Documents/{d.Id}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Document = await documents.DetailAsync(id, ct);
        return Document is null ? NotFound() : Page();
    }
}
