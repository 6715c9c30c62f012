using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Public;

/// <summary>
/// The public complaint form (reached by QR code, so built for a phone). Same handler as the public API. An enterprise
/// account signed in finds it filled from its registration (name, USCC, contact) and the complaint is filed under its own
/// USCC, so the enterprise follows it on its work home.
/// </summary>
[EnableRateLimiting(PublicRateLimits.IntakePolicy)]
[RequestSizeLimit(IntakeLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = IntakeLimits.MaxRequestBytes)]
internal sealed class NewModel(SunlightDbContext db, SubmitComplaint submit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "point")] public string? Point { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public long? UnitId { get; set; }
    [BindProperty] public string? EnterpriseName { get; set; }
    [BindProperty] public string? EnterpriseUscc { get; set; }
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public string? ReporterName { get; set; }
    [BindProperty] public string? ReporterPhone { get; set; }
    [BindProperty] public string? ReporterEmail { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyList<ComplaintCategory> Categories { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Units { get; private set; } = [];
    public string? PointName { get; private set; }
    public IntakeReceipt? Receipt { get; private set; }
    /// <summary>The signed-in enterprise account's own registration (the query filter limits an enterprise to its USCC).</summary>
    public Enterprise? OwnEnterprise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (OwnEnterprise is { } own)
        {
            EnterpriseName = own.Name;
            EnterpriseUscc = own.Uscc;
            ReporterName = own.LegalRepresentative;
            ReporterPhone = own.Phone;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OwnEnterprise = await OwnEnterpriseAsync(ct);
        if (OwnEnterprise is { } own)
        {
            // Filed by the enterprise account: linked to it by its USCC, whatever the field was changed to.
            EnterpriseUscc = own.Uscc;
            EnterpriseName = string.IsNullOrWhiteSpace(EnterpriseName) ? own.Name : EnterpriseName;
        }
        var input = new ComplaintSubmission(Category, Description, UnitId, EnterpriseName, EnterpriseUscc, OccurredOn, Anonymous,
            ReporterName, ReporterPhone, ReporterEmail, Point);
        var files = Attachments.Where(f => f.Length > 0).Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var r = await submit.SubmitAsync(input, files, new IntakeSource(ComplaintChannel.WebForm), staffEntry: false, ct);
        if (r.Value is { } receipt)
        {
            Receipt = receipt;
            return Page();
        }
        foreach (var (field, messages) in r.Errors!)
        {
            foreach (var m in messages)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], m);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        Units = (await db.PublicUnits().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        if (!string.IsNullOrWhiteSpace(Point))
        {
            var code = Point.Trim().ToUpperInvariant();
            PointName = await db.PublicLookup<IntakePoint>().AsNoTracking().Where(p => p.Code == code && p.IsActive).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }
        OwnEnterprise = await OwnEnterpriseAsync(ct);
    }

    private async Task<Enterprise?> OwnEnterpriseAsync(CancellationToken ct) =>
        db.Scope.Uscc is { } uscc ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == uscc, ct) : null;
}
