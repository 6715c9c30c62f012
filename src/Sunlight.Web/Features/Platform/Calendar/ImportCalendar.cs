using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.Platform.Calendar;

/// <summary>
/// 导入节假日安排: an .xlsx or .csv with columns 日期, 类型 (节假日/调休上班), 名称 for one year. Every row is checked
/// first; any error → a row-by-row Chinese report and nothing written. Otherwise the year's days are replaced.
/// </summary>
public sealed class ImportCalendar(EditCalendar edit)
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
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ExcelType.XLSX,
            ".csv" => ExcelType.CSV,
            _ => (ExcelType?)null,
        };
        if (type is null)
        {
            return Fail("只支持 .xlsx 或 .csv 文件");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Fail("文件不能超过 1 MB");
        }
        var stream = type == ExcelType.CSV ? AsUtf8(buffer.ToArray()) : new MemoryStream(buffer.ToArray());

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = stream.Query(useHeaderRow: true, excelType: type.Value).Cast<IDictionary<string, object?>>().ToList();
        }
#pragma warning disable CA1031 // A file that is not a readable workbook is the user's error, reported as such.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Fail("无法读取文件，请确认文件是有效的 .xlsx 或 UTF-8/GBK 编码的 .csv");
        }

        var headers = rows.FirstOrDefault()?.Keys.Select(k => k.Trim()).ToHashSet() ?? [];
        var missing = Columns.Where(c => !headers.Contains(c)).ToList();
        if (rows.Count == 0 || missing.Count > 0)
        {
            return Fail(rows.Count == 0 ? "文件中没有数据行（第 1 行应为表头：日期、类型、名称）" : $"第 1 行：缺少列“{string.Join("”“", missing)}”（表头应为：日期、类型、名称）");
        }

        var errors = new List<string>();
        var days = new List<CalendarDay>();
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2; // row 1 is the header, as the user sees it in Excel
            var row = rows[i].ToDictionary(kv => kv.Key.Trim(), kv => kv.Value);
            var rawDate = row.GetValueOrDefault("日期");
            var rawKind = Text(row.GetValueOrDefault("类型"));
            var name = Text(row.GetValueOrDefault("名称"));
            if (IsBlank(rawDate) && rawKind.Length == 0 && name.Length == 0)
            {
                continue;
            }
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

    private static bool IsBlank(object? value) => value is null || Text(value).Length == 0;

    private static DateOnly? ParseDate(object? value) => value switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        DateOnly d => d,
        double oa when oa is > 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(oa)),
        _ => DateOnly.TryParseExact(Text(value), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTime.TryParseExact(Text(value), ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? DateOnly.FromDateTime(dt)
            : null,
    };

    /// <summary>Excel in China saves CSV as GBK: bytes that are not valid UTF-8 are read as GB18030.</summary>
    private static MemoryStream AsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return new MemoryStream(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var text = Encoding.GetEncoding("GB18030").GetString(bytes);
            return new MemoryStream(Encoding.UTF8.GetBytes(text));
        }
    }
}
