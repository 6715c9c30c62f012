using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Notifications;

internal sealed record NotificationDto(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

internal static class InboxEndpoints
{
    public static void MapInbox(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("站内消息").RequireAuthorization();

        g.MapGet("/", async (bool? unread, long? after, int? limit, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await Inbox.PageAsync(db, unread == true, after, limit, ct)))
            .WithSummary("我的站内消息（最新在前；键集分页 after=上一页的 nextCursor，limit，含总数）");

        g.MapMarkRead();
    }
}

/// <summary>The caller's messages, newest first (the inbox query filter limits rows to the signed-in user).</summary>
internal static class Inbox
{
    public static Task<Page<NotificationDto>> PageAsync(SunlightDbContext db, bool unreadOnly, long? after, int? limit, CancellationToken ct) =>
        db.Set<Notification>().Where(n => !unreadOnly || n.ReadAt == null)
            .KeysetAsync(n => n.Id, true, after, limit, n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null), n => n.Id, ct);
}
