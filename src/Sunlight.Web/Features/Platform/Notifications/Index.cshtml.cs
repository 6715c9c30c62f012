using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Notifications;

public sealed class IndexModel(SunlightDbContext db, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];
    public long? NextCursor { get; private set; }
    public int Unread { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        // The inbox query filter limits rows to the signed-in user.
        var rows = await db.Set<Notification>().AsNoTracking().Where(n => before == null || n.Id < before)
            .OrderByDescending(n => n.Id).Take(51).ToListAsync(ct);
        Items = rows.Take(50).ToList();
        NextCursor = rows.Count > 50 ? Items[^1].Id : null;
        Unread = await db.Set<Notification>().CountAsync(n => n.ReadAt == null, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return NotFound();
        }
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }
}
