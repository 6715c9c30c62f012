using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Tests.Platform;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(CalendarSeed.Days());

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2025, 1, 26, true)]   // Sunday make-up day before 春节
    [InlineData(2025, 2, 8, true)]    // Saturday make-up day
    [InlineData(2025, 1, 28, false)]  // 春节 holiday on a Tuesday
    [InlineData(2025, 10, 8, false)]  // last day of 国庆 2025
    [InlineData(2025, 10, 11, true)]  // Saturday make-up day
    [InlineData(2026, 1, 4, true)]    // Sunday make-up day after 元旦 2026
    [InlineData(2026, 2, 14, true)]
    [InlineData(2026, 2, 28, true)]
    [InlineData(2026, 2, 23, false)]  // Monday inside 春节 2026
    [InlineData(2026, 5, 9, true)]
    [InlineData(2026, 9, 20, true)]
    [InlineData(2026, 10, 10, true)]
    [InlineData(2026, 11, 28, false)] // ordinary Saturday
    [InlineData(2026, 11, 25, true)]  // ordinary Wednesday
    public void IsWorkingDay_FollowsHolidaysAndMakeUpDays(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(y, m, d)));

    [Fact]
    public void AddWorkingDays_SkipsGoldenWeekAndCountsMakeUpSaturday()
    {
        // 2026-09-30 + 3 WD: 10/1–7 off, 10/8 Thu, 10/9 Fri, 10/10 Sat (make-up) → 10/10.
        Assert.Equal(new Deadline(D(2026, 10, 10), false), Calendar.AddWorkingDays(D(2026, 9, 30), 3));
    }

    [Fact]
    public void AddWorkingDays_StartDayIsNotCounted()
    {
        Assert.Equal(D(2026, 11, 26), Calendar.AddWorkingDays(D(2026, 11, 25), 1).Date);
        Assert.Equal(D(2026, 11, 25), Calendar.AddWorkingDays(D(2026, 11, 25), 0).Date);
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival2026()
    {
        // From Fri 2026-02-13: 2/14 Sat make-up (1), 2/15–23 off, 2/24 (2), 2/25 (3), 2/26 (4), 2/27 (5).
        Assert.Equal(D(2026, 2, 27), Calendar.AddWorkingDays(D(2026, 2, 13), 5).Date);
    }

    [Fact]
    public void AddWorkingDays_AcrossYearBoundary2025To2026()
    {
        // From Wed 2025-12-31: 2026-01-01..03 off, 01-04 Sun make-up (1), 01-05 Mon (2).
        var d = Calendar.AddWorkingDays(D(2025, 12, 31), 2);
        Assert.Equal(new Deadline(D(2026, 1, 5), false), d);
    }

    [Fact]
    public void AddNaturalDays_EndingOnHoliday_RollsToNextWorkingDay()
    {
        // 2026-09-24 + 7 = 10-01 (国庆) → rolls past 10/1–7 to 10/8.
        Assert.Equal(new Deadline(D(2026, 10, 8), false), Calendar.AddNaturalDays(D(2026, 9, 24), 7));
    }

    [Fact]
    public void AddNaturalDays_EndingOnMakeUpDay_DoesNotRoll()
    {
        Assert.Equal(D(2026, 10, 10), Calendar.AddNaturalDays(D(2026, 10, 3), 7).Date);
    }

    [Fact]
    public void BeyondLoadedCalendar_UsesWeekendsOnlyAndIsFlagged()
    {
        // 2026-12-31 (Thu) + 2 WD runs into 2027, which is not loaded: 2027-01-01 Fri counts (no holiday data), flagged.
        var d = Calendar.AddWorkingDays(D(2026, 12, 31), 2);
        Assert.Equal(D(2027, 1, 4), d.Date);
        Assert.True(d.Uncertain);
        Assert.True(Calendar.Check(D(2027, 1, 1)).Uncertain);
        Assert.False(Calendar.Check(D(2026, 12, 31)).Uncertain);
    }

    [Fact]
    public void WithinLoadedCalendar_IsNotFlagged()
    {
        Assert.False(Calendar.AddWorkingDays(D(2026, 3, 2), 20).Uncertain);
        Assert.False(Calendar.AddNaturalDays(D(2025, 1, 1), 300).Uncertain);
    }
}
