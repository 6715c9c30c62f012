using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Notifications;

internal sealed class IndexModel(SunlightDbContext db, MarkRead mark) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<NotificationDto> List { get; private set; } = new([], null, 0);
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await Inbox.PageAsync(db, false, After, null, ct);
        Unread = await db.Set<Notification>().CountAsync(n => n.ReadAt == null, ct);
    }

    public Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct) =>
        this.RespondAsync(mark.RunAsync(new MarkReadInput(id), ct), _ => "已标为已读。", _ => RedirectToPage(), () => Task.FromResult<IActionResult>(RedirectToPage()));
}
