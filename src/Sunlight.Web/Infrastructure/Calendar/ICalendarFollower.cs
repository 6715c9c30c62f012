namespace Sunlight.Web.Infrastructure.Calendar;

/// <summary>
/// A feature whose open deadlines follow the holiday calendar: after an Admin loads or edits a year, each follower
/// recomputes its open deadlines with <paramref name="updated"/> (the calendar as just saved, in the same transaction),
/// changes what the law's counting now gives, clears <c>Uncertain</c> where the year is known, and tells the people
/// responsible, starting with <paramref name="because"/> ("因 2027 年节假日安排公布").
/// </summary>
internal interface ICalendarFollower
{
    Task FollowAsync(WorkingCalendar updated, string because, CancellationToken ct);
}
