using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Notifications;

public sealed record NotificationDto(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

internal static class InboxEndpoints
{
    public static void MapInbox(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("站内消息").RequireAuthorization();

        g.MapGet("/", async (bool? unread, long? before, int? limit, SunlightDbContext db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var rows = await db.Set<Notification>().AsNoTracking()
                .Where(n => unread != true || n.ReadAt == null)
                .Where(n => before == null || n.Id < before)
                .OrderByDescending(n => n.Id).Take(take + 1)
                .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
                .ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, take, n => n.Id));
        }).WithSummary("我的站内消息（最新在前；before 为上一页最后一条的 id）");

        g.MapPost("/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (n is null)
            {
                return ApiErrors.NotFound("消息");
            }
            n.ReadAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("标记消息为已读");
    }
}
