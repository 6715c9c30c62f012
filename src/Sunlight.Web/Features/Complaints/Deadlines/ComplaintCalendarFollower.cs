using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Deadlines;

/// <summary>
/// Open complaints' deadlines after a calendar change: the 受理 deadline is counted again from the day the complaint came
/// in (working days, plus the days it was paused); the 办理 deadline (natural days) rolls to the next working day when its
/// day is no longer one. Every change is audited (the complaint's update) and told to the Supervisors (and the unit).
/// </summary>
internal sealed class ComplaintCalendarFollower(SunlightDbContext db, Notifier notifier, IOptions<ComplaintOptions> options) : ICalendarFollower
{
    public async Task FollowAsync(WorkingCalendar updated, string because, CancellationToken ct)
    {
        var open = await db.Set<Complaint>()
            .Where(c => c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Assigned || c.State == ComplaintState.ReplyDrafted)
            .ToListAsync(ct);
        foreach (var c in open)
        {
            if (c.State is ComplaintState.Received or ComplaintState.Accepted)
            {
                var received = DateOnly.FromDateTime(c.ReceivedAt.ToOffset(ChinaTime.Offset).DateTime);
                var due = updated.AddWorkingDays(received, options.Value.AcceptWorkingDays + c.PausedWorkingDays);
                if (c.FollowCalendar(accept: due, resolve: null) is { } was)
                {
                    await notifier.ToRoleAsync(Roles.Supervisor, $"受理期限调整：{c.TrackingCode}", Text(because, c, "受理期限", was, due), $"/Complaints/Detail/{c.Id}", ct);
                }
            }
            else if (c.ResolveDueDate is { } resolve)
            {
                var due = updated.AddNaturalDays(resolve, 0);
                if (c.FollowCalendar(accept: null, resolve: due) is { } was)
                {
                    var text = Text(because, c, "办理期限", was, due);
                    await notifier.ToRoleAsync(Roles.Supervisor, $"办理期限调整：{c.TrackingCode}", text, $"/Complaints/Detail/{c.Id}", ct);
                    if (c.AssignedUnitId is { } unit)
                    {
                        await notifier.ToUnitAsync(unit, $"办理期限调整：{c.TrackingCode}", text, $"/Complaints/Detail/{c.Id}", ct);
                    }
                }
            }
        }
    }

    private static string Text(string because, Complaint c, string what, DateOnly was, Deadline now) =>
        was == now.Date
            ? $"{because}，投诉 {c.TrackingCode} 的{what} {was:yyyy-MM-dd} 已确认" + (now.Uncertain ? "（仍有日期在未载入的年度，待确认）。" : "。")
            : $"{because}，投诉 {c.TrackingCode} 的{what}由 {was:yyyy-MM-dd} 调整为 {now.Date:yyyy-MM-dd}。";
}
