using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Calendar;

public sealed record CalendarDayInput(CalendarDayKind Kind, string Name);

public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string KindName, string Name, string DayOfWeek)
{
    internal static CalendarDayDto From(CalendarDay d) => new(d.Date, d.Kind, CalendarText.Kind(d.Kind), d.Name, CalendarText.DayOfWeek(d.Date));
}

public sealed record CalendarYearDto(int Year, bool Loaded, int Holidays, int MakeUpWorkdays, int WorkingDays, IReadOnlyList<int> LoadedYears, IReadOnlyList<CalendarDayDto> Days);

/// <summary>What a calendar change tells its page or endpoint: field errors, or not found; null errors mean done.</summary>
public sealed record CalendarOutcome(IDictionary<string, string[]>? Errors = null, bool NotFound = false)
{
    public bool Succeeded => Errors is null && !NotFound;
}

internal static class CalendarText
{
    public const string HolidayName = "节假日";
    public const string MakeUpName = "调休上班";

    public static string Kind(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? HolidayName : MakeUpName;

    public static string DayOfWeek(DateOnly d) => $"星期{"日一二三四五六"[(int)d.DayOfWeek]}";

    /// <summary>Null when the day is acceptable; else why not (the same rule for the form, the API and the import).</summary>
    public static string? Check(DateOnly date, CalendarDayKind kind, string? name)
    {
        if (!Enum.IsDefined(kind))
        {
            return "类型应为“节假日”或“调休上班”";
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return "名称不能为空";
        }
        if (name.Trim().Length > 40)
        {
            return "名称不能超过 40 个字";
        }
        if (kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (System.DayOfWeek.Saturday or System.DayOfWeek.Sunday))
        {
            return $"{date:yyyy-MM-dd} 是工作日，调休上班日应为周六或周日";
        }
        return null;
    }
}

/// <summary>
/// 维护节假日安排 (Admin): set or remove one day, read a year. Every change is audited (CalendarDay is auditable) and
/// invalidates the calendar cache so the next deadline uses the new data.
/// </summary>
public sealed class EditCalendar(SunlightDbContext db, WorkingCalendar calendar)
{
    public async Task<CalendarYearDto> YearAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        var loaded = calendar.LoadedYears.Order().ToList();
        return new CalendarYearDto(year, loaded.Contains(year),
            days.Count(d => d.Kind == CalendarDayKind.Holiday), days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday),
            calendar.WorkingDaysBetween(from.AddDays(-1), to), loaded, days.Select(CalendarDayDto.From).ToList());
    }

    public async Task<CalendarOutcome> SaveAsync(DateOnly date, CalendarDayInput input, CancellationToken ct)
    {
        if (CalendarText.Check(date, input.Kind, input.Name) is { } error)
        {
            return new CalendarOutcome(new Dictionary<string, string[]> { [error.StartsWith("类型", StringComparison.Ordinal) ? "kind" : error.Contains("名称", StringComparison.Ordinal) ? "name" : "date"] = [error] });
        }
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            day = new CalendarDay { Date = date };
            db.CalendarDays.Add(day);
        }
        day.Kind = input.Kind;
        day.Name = input.Name.Trim();
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return new CalendarOutcome();
    }

    public async Task<CalendarOutcome> DeleteAsync(DateOnly date, CancellationToken ct)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            return new CalendarOutcome(NotFound: true);
        }
        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return new CalendarOutcome();
    }

    /// <summary>Replaces one year's days by the imported list, in one save (nothing is written when any row failed).</summary>
    internal async Task ReplaceYearAsync(int year, IReadOnlyList<CalendarDay> imported, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var existing = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, ct);
        foreach (var day in imported)
        {
            if (existing.Remove(day.Date, out var current))
            {
                current.Kind = day.Kind;
                current.Name = day.Name;
            }
            else
            {
                db.CalendarDays.Add(day);
            }
        }
        db.CalendarDays.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
    }
}
