using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Sunlight.Web.Infrastructure.Import;

public enum ImportMode
{
    /// <summary>Any error: nothing is written.</summary>
    Strict,
    /// <summary>Rows with errors are skipped; the valid rows are written.</summary>
    ValidOnly,
}

/// <summary>One data row as the user sees it in Excel (header = row 1), cells keyed by the Chinese column header.</summary>
internal sealed record ImportRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    public string? Text(string column) => Cells.TryGetValue(column, out var v) ? ImportSheet.AsText(v) : null;
}

/// <summary>What an import did: the data rows read, how many were valid, how many were written, and a Chinese line per problem.</summary>
public sealed record ImportResult(int Rows, int Valid, int Imported, IReadOnlyList<string> Errors)
{
    public static ImportResult FileError(string message) => new(0, 0, 0, [message]);
}

/// <summary>Reads an uploaded .xlsx or .csv (UTF-8 or GB18030) into rows, with the size, type and row limits of every import.</summary>
internal static class ImportSheet
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static ImportSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The file's extension when it is one we read (".xlsx" or ".csv"), else null.</summary>
    public static string? Extension(string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return ext is ".xlsx" or ".csv" ? ext : null;
    }

    /// <summary>Null when the file may be read; otherwise the Chinese reason it may not.</summary>
    public static string? CheckFile(string? fileName, long length)
    {
        if (length <= 0)
        {
            return "请选择要导入的文件（文件不能为空）";
        }
        if (Extension(fileName) is null)
        {
            return "不支持的文件类型，请上传 .xlsx 或 .csv 文件";
        }
        return length > MaxBytes ? "文件不能超过 5 MB" : null;
    }

    /// <summary>The data rows, or the Chinese reason the file cannot be imported at all.</summary>
    public static (List<ImportRow>? Rows, string? Error) Read(byte[] content, string extension, IReadOnlyList<string> requiredColumns)
    {
        List<IDictionary<string, object?>> raw;
        try
        {
            using var stream = extension == ".xlsx" ? new MemoryStream(content) : CsvAsUtf8(content);
            if (extension == ".xlsx" && (content.Length < 4 || content[0] != 'P' || content[1] != 'K'))
            {
                return (null, "文件内容不是有效的 .xlsx 工作簿");
            }
            raw = stream.Query(useHeaderRow: true, excelType: extension == ".xlsx" ? ExcelType.XLSX : ExcelType.CSV)
                .Cast<IDictionary<string, object?>>()
                .Take(MaxRows * 4) // never read a sheet of a million blank rows to its end
                .ToList();
        }
        catch (MiniExcelLibs.Exceptions.ExcelColumnNotFoundException)
        {
            return (null, "CSV 文件中有行的列数与表头不一致，请检查分隔符（应为英文逗号）和引号");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, "无法读取文件，请确认文件未损坏且为 .xlsx 或 .csv 格式");
        }

        var headers = raw.Count > 0 ? raw[0].Keys.Select(HeaderName).ToHashSet() : HeadersOf(content, extension);
        var missing = requiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"缺少必需的列：{string.Join("、", missing)}（请使用导入模板）");
        }
        var rows = new List<ImportRow>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in raw[i])
            {
                cells[HeaderName(key)] = value;
            }
            rows.Add(new ImportRow(i + 2, cells));
        }
        // Blank rows keep their number (Excel shows them) but are not data.
        rows.RemoveAll(IsBlank);
        if (rows.Count == 0)
        {
            return (null, "文件中没有数据行");
        }
        return rows.Count > MaxRows || raw.Count >= MaxRows * 4 ? (null, $"单次导入不能超过 {MaxRows} 行，请拆分文件后再导入") : (rows, null);
    }

    /// <summary>An .xlsx with the header row and one example row.</summary>
    public static byte[] Template(IReadOnlyList<string> columns, IReadOnlyList<object?> example)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i]] = example[i];
        }
        return Xlsx([row]);
    }

    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    public static string? AsText(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>A date from a cell typed as a date, an Excel serial number, or text such as 2025-01-31 or 2025/1/31.</summary>
    public static bool TryDate(object? value, out DateOnly date)
    {
        date = default;
        switch (value)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double d when d is > 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(d));
                return true;
            default:
                return AsText(value) is { } s && DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
        }
    }

    private static bool IsBlank(ImportRow row) => row.Cells.Values.All(v => AsText(v) is null);

    private static string HeaderName(string key) => key.Trim().TrimEnd('*', '＊').Trim();

    private static HashSet<string> HeadersOf(byte[] content, string extension)
    {
        try
        {
            using var stream = extension == ".xlsx" ? new MemoryStream(content) : CsvAsUtf8(content);
            var first = stream.Query(useHeaderRow: false, excelType: extension == ".xlsx" ? ExcelType.XLSX : ExcelType.CSV)
                .Cast<IDictionary<string, object?>>().FirstOrDefault();
            return first is null ? [] : first.Values.Select(AsText).OfType<string>().Select(HeaderName).ToHashSet();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }
    }

    /// <summary>
    /// CSV saved by Chinese Excel is usually GB18030, by other tools UTF-8: decode either to UTF-8. Blank lines become a
    /// row of empty cells, so the row numbers we report are the line numbers the user sees.
    /// </summary>
    private static MemoryStream CsvAsUtf8(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }
        text = text.TrimStart('\uFEFF');
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var emptyRow = new string(',', Math.Max(0, FieldCount(lines[0]) - 1));
        var insideQuotes = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!insideQuotes && lines[i].Length == 0 && i < lines.Length - 1)
            {
                lines[i] = emptyRow;
            }
            if (lines[i].Count(c => c == '"') % 2 == 1)
            {
                insideQuotes = !insideQuotes;
            }
        }
        return new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private static int FieldCount(string headerLine)
    {
        var (count, quoted) = (1, false);
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                count++;
            }
        }
        return count;
    }
}
