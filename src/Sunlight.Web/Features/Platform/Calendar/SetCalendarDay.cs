using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Calendar;

internal sealed record CalendarDayInput(CalendarDayKind Kind, string Name)
{
    /// <summary>The day to set (from the route).</summary>
    [JsonIgnore] public DateOnly Date { get; init; }
}

/// <summary>The day to remove (from the route).</summary>
internal sealed record RemoveCalendarDayInput(DateOnly Date);

internal sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string KindName, string Name, string DayOfWeek)
{
    internal static CalendarDayDto From(CalendarDay d) => new(d.Date, d.Kind, CalendarText.Kind(d.Kind), d.Name, CalendarText.DayOfWeek(d.Date));
}

internal sealed record CalendarYearDto(int Year, bool Loaded, int Holidays, int MakeUpWorkdays, int WorkingDays, IReadOnlyList<int> LoadedYears, IReadOnlyList<CalendarDayDto> Days);

internal static class CalendarText
{
    public const string HolidayName = "节假日";
    public const string MakeUpName = "调休上班";
    public const string DateFormat = "日期格式应为 YYYY-MM-DD";

    public static string Kind(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? HolidayName : MakeUpName;

    public static string DayOfWeek(DateOnly d) => $"星期{"日一二三四五六"[(int)d.DayOfWeek]}";

    /// <summary>Null when the day is acceptable; else why not — the validator's first message (the import uses it per row).</summary>
    public static string? Check(DateOnly date, CalendarDayKind kind, string? name) =>
        Rules.Validate(new CalendarDayInput(kind, name ?? "") { Date = date }).Errors.FirstOrDefault()?.ErrorMessage;

    private static readonly CalendarDayInputValidator Rules = new();
}

internal sealed class CalendarDayInputValidator : AbstractValidator<CalendarDayInput>
{
    public CalendarDayInputValidator()
    {
        RuleFor(x => x.Date).NotEqual(default(DateOnly)).WithMessage(CalendarText.DateFormat);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("类型应为“节假日”或“调休上班”");
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("名称不能为空")
            .Must(n => n.Trim().Length <= CalendarDayConfiguration.NameLength).WithMessage($"名称不能超过 {CalendarDayConfiguration.NameLength} 个字");
        RuleFor(x => x.Date).Must((x, d) => x.Kind != CalendarDayKind.MakeUpWorkday || d.DayOfWeek is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday)
            .WithMessage(x => $"{x.Date:yyyy-MM-dd} 是工作日，调休上班日应为周六或周日");
    }
}

internal sealed class RemoveCalendarDayInputValidator : AbstractValidator<RemoveCalendarDayInput>
{
    public RemoveCalendarDayInputValidator() => RuleFor(x => x.Date).NotEqual(default(DateOnly)).WithMessage(CalendarText.DateFormat);
}

/// <summary>
/// 工作日历 reads and the yearly import's write. Every change is audited (CalendarDay is auditable) and invalidates the
/// calendar cache so the next deadline uses the new data.
/// </summary>
internal sealed class CalendarYears(SunlightDbContext db, WorkingCalendar calendar, IEnumerable<ICalendarFollower> followers)
{
    /// <summary>
    /// Saves a calendar change and, in the same transaction, lets every feature recount its open deadlines with the
    /// calendar as saved (audited, and told to the people responsible); then the cache is invalidated.
    /// </summary>
    /// <summary>Why deadlines move after a change to <paramref name="year"/>: its arrangement published (first load) or changed.</summary>
    internal string Because(int year) => calendar.LoadedYears.Contains(year) ? $"因 {year} 年节假日安排调整" : $"因 {year} 年节假日安排公布";

    internal async Task SaveAndFollowAsync(string because, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        var updated = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        foreach (var follower in followers)
        {
            await follower.FollowAsync(updated, because, ct);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        calendar.Invalidate();
    }

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
        await SaveAndFollowAsync($"因 {year} 年节假日安排公布", ct);
    }
}

/// <summary>设置某日为节假日或调休上班日 (Admin): adds or changes the day; audited; the cache is invalidated.</summary>
internal sealed class SetCalendarDay(SunlightDbContext db, CalendarYears years, IValidator<CalendarDayInput> validator)
    : UseCase<CalendarDayInput, CalendarDay>(validator)
{
    protected override async Task<Outcome<CalendarDay>> HandleAsync(CalendarDayInput input, CancellationToken ct)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == input.Date, ct);
        if (day is null)
        {
            day = new CalendarDay { Date = input.Date };
            db.CalendarDays.Add(day);
        }
        day.Kind = input.Kind;
        day.Name = input.Name.Trim();
        await years.SaveAndFollowAsync(years.Because(input.Date.Year), ct);
        return day;
    }
}

/// <summary>删除某日的安排 (Admin): the day counts by the weekend rule again; audited; the cache is invalidated.</summary>
internal sealed class RemoveCalendarDay(SunlightDbContext db, CalendarYears years, IValidator<RemoveCalendarDayInput> validator)
    : UseCase<RemoveCalendarDayInput, CalendarDay>(validator)
{
    protected override async Task<Outcome<CalendarDay>> HandleAsync(RemoveCalendarDayInput input, CancellationToken ct)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == input.Date, ct);
        if (day is null)
        {
            return Outcome<CalendarDay>.Missing();
        }
        db.CalendarDays.Remove(day);
        await years.SaveAndFollowAsync(years.Because(input.Date.Year), ct);
        return day;
    }
}
