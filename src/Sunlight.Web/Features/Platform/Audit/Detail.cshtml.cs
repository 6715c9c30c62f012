using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Audit;

[Authorize(Policy = Policies.ReadAudit)]
internal sealed class DetailModel(SunlightDbContext db) : PageModel
{
    public AuditEntryDto Entry { get; private set; } = null!;
    public List<AuditFieldChange> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var e = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        Entry = AuditEntryDto.From(e);
        Fields = AuditLog.Fields(e.Before, e.After);
        return Page();
    }
}
