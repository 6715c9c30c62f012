using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.StaffEntry;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>人工登记: phone, mail, letters, walk-ins, 12345 transfers; or an .eml file turned into a complaint.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
[RequestSizeLimit(IntakeLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = IntakeLimits.MaxRequestBytes)]
internal sealed class NewModel(SunlightDbContext db, EnterComplaint enter) : PageModel
{
    [BindProperty] public ComplaintChannel Channel { get; set; } = ComplaintChannel.Phone;
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public long? UnitId { get; set; }
    [BindProperty] public string? EnterpriseName { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? ReporterName { get; set; }
    [BindProperty] public string? ReporterPhone { get; set; }
    [BindProperty] public string? ReporterEmail { get; set; }
    [BindProperty] public IFormFile? Eml { get; set; }

    public IReadOnlyList<ComplaintCategory> Categories { get; private set; } = [];
    public IReadOnlyList<EnforcementUnit> Units { get; private set; } = [];
    public static readonly ComplaintChannel[] StaffChannels = [ComplaintChannel.Phone, ComplaintChannel.Email, ComplaintChannel.Letter, ComplaintChannel.WalkIn, ComplaintChannel.Hotline12345];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // No contact given is stored as anonymous; a contact given is kept (the reporter chose to leave it).
        var input = new StaffComplaintInput(Channel, Category, Description, UnitId, EnterpriseName, null, null, false, ReporterName, ReporterPhone, ReporterEmail, Place);
        return await Done(await enter.RunAsync(input, ct), ct);
    }

    public async Task<IActionResult> OnPostEmlAsync(CancellationToken ct)
    {
        if (Eml is null || Eml.Length == 0)
        {
            ModelState.AddModelError(nameof(Eml), "请选择 .eml 邮件文件");
            await LoadAsync(ct);
            return Page();
        }
        await using var stream = Eml.OpenReadStream();
        return await Done(await enter.FromEmlAsync(stream, Category, UnitId, ct), ct);
    }

    private async Task<IActionResult> Done(Outcome<IntakeReceipt> r, CancellationToken ct)
    {
        if (r.Value is { } receipt)
        {
            TempData["Message"] = $"已登记投诉 {receipt.TrackingCode}，查询密码 {receipt.Pin}（请告知投诉人）";
            return Redirect($"/Complaints/Detail/{receipt.Id}");
        }
        foreach (var (field, messages) in r.Errors!)
        {
            foreach (var m in messages)
            {
                ModelState.AddModelError(field, m);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code).ToListAsync(ct);
    }
}
