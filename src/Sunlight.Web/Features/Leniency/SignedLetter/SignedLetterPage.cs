using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Leniency.SignedLetter;

/// <summary>上传签字的告知承诺书 in the browser (the form is on the case page).</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class SignedLetterModel(UploadSignedLetter step, ExemptionQueries queries) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public ExemptionDetailDto? Detail { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var input = new SignedLetterInput(Upload is null ? null : new Upload(Upload.FileName, Upload.Length, Upload.OpenReadStream), Version) { Id = id };
        return await this.RespondAsync(step.RunAsync(input, ct), _ => "已上传签字的告知承诺书。", e => Redirect($"/Leniency/Exemptions/{e.Id}"), () => ShowAsync(id, ct), prefix: "");
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
