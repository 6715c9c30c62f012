using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Assign;

/// <summary>What the 交办 form shows: the complaint, the suggested and the assignable units, and what was typed.</summary>
internal sealed record AssignFormView(long ComplaintId, Guid Version, IReadOnlyList<UnitSuggestion> Suggested, IReadOnlyList<EnforcementUnit> Units, AssignInput? Values);

/// <summary>交办 in the browser: the form (also embedded in the complaint page) posts here; same use case as the API.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class AssignModel(AssignComplaint assign, ComplaintQueries queries, SunlightDbContext db) : PageModel
{
    [BindProperty] public AssignInput? Input { get; set; }

    public ComplaintDetail? Detail { get; private set; }
    public AssignFormView? Form { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(assign.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                c => $"已交办，办理期限 {c.ResolveDueDate:yyyy-MM-dd}", c => RedirectToPage("/Complaints/Detail", new { id = c.Id }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Detail = await queries.DetailAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }
        Form = await FormAsync(db, Detail, Input, ct);
        return Page();
    }

    /// <summary>The form's data, for this page and for the complaint page that embeds the form.</summary>
    internal static async Task<AssignFormView> FormAsync(SunlightDbContext db, ComplaintDetail detail, AssignInput? values, CancellationToken ct) =>
        new(detail.Complaint.Id, detail.Complaint.Version, detail.SuggestedUnits,
            await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code).ToListAsync(ct), values);
}
