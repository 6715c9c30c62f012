using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Notifications;

/// <summary>
/// Tells people about something: an inbox entry per user and, where the user has an e-mail address, an outbox mail.
/// Adds rows to the caller's DbContext only — the caller's one SaveChanges commits them with the change they report.
/// </summary>
internal sealed class Notifier(SunlightDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task ToUnitAsync(long unitId, string title, string body, string? link, CancellationToken ct)
    {
        var staff = await users.GetUsersInRoleAsync(Roles.UnitStaff);
        Add(staff.Where(u => u.UnitId == unitId), title, body, link);
        _ = ct;
    }

    public async Task ToRoleAsync(string role, string title, string body, string? link, CancellationToken ct)
    {
        Add(await users.GetUsersInRoleAsync(role), title, body, link);
        _ = ct;
    }

    public async Task ToUserAsync(string userId, string title, string body, string? link, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is { } user)
        {
            Add([user], title, body, link);
        }
        _ = ct;
    }

    private void Add(IEnumerable<AppUser> recipients, string title, string body, string? link)
    {
        var now = clock.GetUtcNow();
        foreach (var user in recipients)
        {
            db.Set<Notification>().Add(new Notification { UserId = user.Id, Title = title, Body = body, Link = link, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.Set<OutboxMail>().Add(new OutboxMail
                {
                    To = user.Email,
                    Subject = "【阳光执法监督平台】" + title,
                    Body = body + (link is null ? "" : $"\n\n详情：{link}"),
                    CreatedAt = now,
                });
            }
        }
    }

    public Task<int> UnreadCountAsync(CancellationToken ct) => db.Set<Notification>().CountAsync(n => n.ReadAt == null, ct);
}
