using System.Globalization;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Platform.Calendar;

/// <summary>
/// 导入节假日安排: an .xlsx or .csv with columns 日期, 类型 (节假日/调休上班), 名称 for one year. Every row is checked
/// first; any error → a row-by-row Chinese report and nothing written. Otherwise the year's days are replaced.
/// </summary>
internal sealed class ImportCalendar(CalendarYears edit)
{
    public const long MaxBytes = 1024 * 1024;
    private static readonly string[] Columns = ["日期", "类型", "名称"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public sealed record Result(int Imported, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Result> RunAsync(int year, Stream file, string fileName, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return Fail("年度应在 2000 到 2100 之间");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Fail("文件不能超过 1 MB");
        }
        // The foundation's reader: .xlsx or .csv (UTF-8 or GBK), header check, blank rows skipped, Excel row numbers.
        if (ImportSheet.CheckFile(fileName, buffer.Length) is { } fileError)
        {
            return Fail(fileError);
        }
        var (rows, readError) = ImportSheet.Open(ImportUpload.Of(buffer.ToArray(), ImportSheet.Extension(fileName)!), Columns);
        if (rows is null)
        {
            return Fail(readError!);
        }
        try
        {
            return await ImportAsync(year, rows, ct);
        }
        catch (ImportFileException ex)
        {
            return Fail(ex.Message);
        }
    }

    private async Task<Result> ImportAsync(int year, ImportRows rows, CancellationToken ct)
    {
        var errors = new List<string>();
        var days = new List<CalendarDay>();
        var seen = new Dictionary<DateOnly, int>();
        foreach (var row in rows)
        {
            var line = row.Number;
            var rawDate = row.Cells.GetValueOrDefault("日期");
            var rawKind = row.Text("类型") ?? "";
            var name = row.Text("名称") ?? "";
            if (ParseDate(rawDate) is not { } date)
            {
                errors.Add($"第 {line} 行：日期格式错误（应为 YYYY-MM-DD）");
                continue;
            }
            if (date.Year != year)
            {
                errors.Add($"第 {line} 行：日期 {date:yyyy-MM-dd} 不属于 {year} 年");
                continue;
            }
            if (seen.TryGetValue(date, out var first))
            {
                errors.Add($"第 {line} 行：日期 {date:yyyy-MM-dd} 与第 {first} 行重复");
                continue;
            }
            seen[date] = line;
            CalendarDayKind? kind = rawKind switch
            {
                CalendarText.HolidayName or "法定节假日" or "假日" or "休" => CalendarDayKind.Holiday,
                CalendarText.MakeUpName or "调休" or "班" or "上班" => CalendarDayKind.MakeUpWorkday,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add($"第 {line} 行：类型应为“节假日”或“调休上班”");
                continue;
            }
            if (CalendarText.Check(date, kind.Value, name) is { } problem)
            {
                errors.Add($"第 {line} 行：{problem}");
                continue;
            }
            days.Add(new CalendarDay { Date = date, Kind = kind.Value, Name = name });
        }
        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add("文件中没有数据行");
        }
        if (errors.Count > 0)
        {
            return new Result(0, errors);
        }
        await edit.ReplaceYearAsync(year, days, ct);
        return new Result(days.Count, []);
    }

    private static Result Fail(string error) => new(0, [error]);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";

    private static DateOnly? ParseDate(object? value) => value switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        DateOnly d => d,
        double oa when oa is > 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(oa)),
        _ => DateOnly.TryParseExact(Text(value), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTime.TryParseExact(Text(value), ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? DateOnly.FromDateTime(dt)
            : null,
    };
}
