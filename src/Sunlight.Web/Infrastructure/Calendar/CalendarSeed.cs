namespace Sunlight.Web.Infrastructure.Calendar;

/// <summary>The 2025 and 2026 national holiday arrangements (国务院办公厅通知), as listed in domain-rules.md.</summary>
internal static class CalendarSeed
{
    public static IEnumerable<CalendarDay> Days()
    {
        static IEnumerable<CalendarDay> Range(int y, int m1, int d1, int m2, int d2, string name)
        {
            for (var d = new DateOnly(y, m1, d1); d <= new DateOnly(y, m2, d2); d = d.AddDays(1))
            {
                yield return new CalendarDay { Date = d, Kind = CalendarDayKind.Holiday, Name = name };
            }
        }
        static CalendarDay MakeUp(int y, int m, int d, string name) =>
            new() { Date = new DateOnly(y, m, d), Kind = CalendarDayKind.MakeUpWorkday, Name = name + "调休上班" };

        return
        [
            .. Range(2025, 1, 1, 1, 1, "元旦"),
            .. Range(2025, 1, 28, 2, 4, "春节"),
            .. Range(2025, 4, 4, 4, 6, "清明节"),
            .. Range(2025, 5, 1, 5, 5, "劳动节"),
            .. Range(2025, 5, 31, 6, 2, "端午节"),
            .. Range(2025, 10, 1, 10, 8, "国庆节、中秋节"),
            MakeUp(2025, 1, 26, "春节"), MakeUp(2025, 2, 8, "春节"), MakeUp(2025, 4, 27, "劳动节"),
            MakeUp(2025, 9, 28, "国庆节"), MakeUp(2025, 10, 11, "国庆节"),
            .. Range(2026, 1, 1, 1, 3, "元旦"),
            .. Range(2026, 2, 15, 2, 23, "春节"),
            .. Range(2026, 4, 4, 4, 6, "清明节"),
            .. Range(2026, 5, 1, 5, 5, "劳动节"),
            .. Range(2026, 6, 19, 6, 21, "端午节"),
            .. Range(2026, 9, 25, 9, 27, "中秋节"),
            .. Range(2026, 10, 1, 10, 7, "国庆节"),
            MakeUp(2026, 1, 4, "元旦"), MakeUp(2026, 2, 14, "春节"), MakeUp(2026, 2, 28, "春节"),
            MakeUp(2026, 5, 9, "劳动节"), MakeUp(2026, 9, 20, "中秋节"), MakeUp(2026, 10, 10, "国庆节"),
        ];
    }
}
