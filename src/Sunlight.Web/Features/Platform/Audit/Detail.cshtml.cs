using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Audit;

[Authorize(Policy = Policies.ReadAudit)]
internal sealed class DetailModel(SunlightDbContext db, AuditReader reader) : PageModel
{
    public AuditRow Row { get; private set; } = null!;
    public AuditEntryDto Entry => Row.Entry;
    public List<AuditFieldChange> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var e = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        var entry = AuditEntryDto.From(e);
        Row = (await reader.RowsAsync([entry], ct))[0];
        Fields = await reader.FieldsAsync(entry, ct);
        return Page();
    }
}
