using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Rate;

namespace Sunlight.Web.Features.Complaints.Public;

/// <summary>
/// The reporter's status page: tracking code + PIN show progress and the approved reply — never an identity. The PIN
/// is posted, never put in the URL (history, logs, Referer), and no answer of this page may be cached.
/// </summary>
[EnableRateLimiting(PublicRateLimits.LookupPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal sealed class TrackModel(ComplaintQueries queries, RateReply rate) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Pin { get; set; }
    [BindProperty] public bool Satisfied { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public PublicComplaintView? View { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var r = string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Pin) ? null : await queries.PublicViewAsync(Code, Pin, ct);
        View = r?.Value;
        Error = View is not null ? null : r?.Detail ?? "查询码或密码不正确。";
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        var r = await rate.RunAsync(new RatingInput(Pin, Satisfied, Comment) { TrackingCode = Code ?? "" }, ct);
        Error = r switch
        {
            { NotFound: true } => "查询码或密码不正确。",
            { Errors: { } errors } => string.Join("；", errors.Values.SelectMany(m => m)),
            { Rule: not null } => r.Detail,
            _ => null,
        };
        View = r.Succeeded ? (await queries.PublicViewAsync(Code!, Pin, ct)).Value : null;
        return Page();
    }
}
