using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Calendar;

/// <summary>A computed deadline; <see cref="Uncertain"/> is true when any day counted lies outside the loaded calendar.</summary>
internal sealed record Deadline(DateOnly Date, bool Uncertain);

/// <summary>
/// Working days per the holiday calendar kept as data (domain-rules.md, "Counting days").
/// The start day is never counted. Days in a year with no calendar data fall back to weekends only and are flagged.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly Func<IReadOnlyList<CalendarDay>> _load;
    private volatile Snapshot? _snapshot;

    public WorkingCalendar(IServiceScopeFactory scopes)
    {
        _load = () =>
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<SunlightDbContext>().CalendarDays.AsNoTracking().ToList();
        };
    }

    /// <summary>A calendar over a fixed list of days (tests, tools).</summary>
    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        _load = () => list;
    }

    private sealed record Snapshot(IReadOnlyDictionary<DateOnly, CalendarDayKind> Days, IReadOnlySet<int> Years);

    public void Invalidate() => _snapshot = null;

    public (bool IsWorkingDay, bool Uncertain) Check(DateOnly date)
    {
        var s = Load();
        var known = s.Years.Contains(date.Year);
        if (known && s.Days.TryGetValue(date, out var kind))
        {
            return (kind == CalendarDayKind.MakeUpWorkday, false);
        }
        return (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), !known);
    }

    public bool IsWorkingDay(DateOnly date) => Check(date).IsWorkingDay;

    /// <summary>The n-th working day after <paramref name="from"/> (the start day is not counted).</summary>
    public Deadline AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        var uncertain = false;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            var (working, u) = Check(date);
            uncertain |= u;
            if (working)
            {
                counted++;
            }
        }
        return new Deadline(date, uncertain);
    }

    /// <summary>A natural-day period; when it ends on a non-working day it rolls to the next working day.</summary>
    public Deadline AddNaturalDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from.AddDays(days);
        var (working, uncertain) = Check(date);
        while (!working)
        {
            date = date.AddDays(1);
            (working, var u) = Check(date);
            uncertain |= u;
        }
        return new Deadline(date, uncertain);
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }
        return n;
    }

    public IReadOnlySet<int> LoadedYears => Load().Years;

    private Snapshot Load()
    {
        var s = _snapshot;
        if (s is not null)
        {
            return s;
        }
        var days = _load().ToDictionary(d => d.Date, d => d.Kind);
        s = new Snapshot(days, days.Keys.Select(d => d.Year).ToHashSet());
        _snapshot = s;
        return s;
    }
}
