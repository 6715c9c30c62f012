using System.Security.Claims;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.WorkHome;

/// <summary>
/// One thing that needs the caller's action (or, for an enterprise, one matter it follows): what it is, what to do, where
/// to do it and by when. <paramref name="Link"/> is null when the caller has no page for it.
/// </summary>
internal sealed record WorkItem(string Area, string Subject, string Action, string? Link, DateOnly? Due);

/// <summary>
/// A capability's contribution to the work home (工作台): the items that need this caller's action, read in the caller's
/// scope. Each capability registers its own with <c>services.AddScoped&lt;IWorkItemSource, …&gt;()</c>; a source that
/// has nothing for the caller's role returns an empty list.
/// </summary>
internal interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>A work item with its deadline said in working days on the holiday calendar.</summary>
internal sealed record WorkRow(WorkItem Item, string? DueText, bool Overdue);

/// <summary>Every source's items for the caller, most urgent first: the most overdue, then the soonest due, then undated.</summary>
internal sealed class WorkHomeQuery(IEnumerable<IWorkItemSource> sources, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkRow>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var items = new List<WorkItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(user, ct));
        }
        return items
            .OrderBy(i => i.Due is null)
            .ThenBy(i => i.Due)
            .Select(i => new WorkRow(i, i.Due is { } due ? DueText(calendar, due, today) : null, i.Due < today))
            .ToList();
    }

    /// <summary>"剩余 N 个工作日" / "今日到期" / "逾期 N 个工作日", counted on the holiday calendar.</summary>
    public static string DueText(WorkingCalendar calendar, DateOnly due, DateOnly today) =>
        due == today ? "今日到期"
        : due > today ? $"剩余 {calendar.WorkingDaysBetween(today, due)} 个工作日"
        : $"逾期 {Math.Max(1, calendar.WorkingDaysBetween(due, today))} 个工作日";
}
