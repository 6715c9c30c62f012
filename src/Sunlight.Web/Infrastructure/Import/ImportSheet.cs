using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Sunlight.Web.Infrastructure.Import;

internal enum ImportMode
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
internal sealed record ImportResult(int Rows, int Valid, int Imported, IReadOnlyList<string> Errors)
{
    public static ImportResult FileError(string message) => new(0, 0, 0, [message]);
}

/// <summary>A file that cannot be imported at all; its message is the Chinese reason (raised while the rows are read).</summary>
internal sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// The data rows of an upload, read from the file each time they are enumerated: an importer can check every row in a
/// first pass and write in a second without the file (or its rows) ever being held in memory. Blank rows are skipped
/// but keep their number. A file that turns out unreadable, or longer than <see cref="ImportSheet.MaxRows"/>, throws
/// <see cref="ImportFileException"/> from the enumeration.
/// </summary>
internal sealed class ImportRows(ImportUpload upload, Encoding? csvEncoding) : IEnumerable<ImportRow>
{
    public IEnumerator<ImportRow> GetEnumerator()
    {
        using var stream = upload.Open();
        using var records = Guarded(ImportSheet.Records(stream, upload.Extension, csvEncoding)).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }
        var headers = records.Current.Select(h => ImportSheet.HeaderName(ImportSheet.AsText(h) ?? "")).ToArray();
        var (number, data) = (1, 0);
        while (records.MoveNext())
        {
            number++;
            var values = records.Current;
            // A CSV row longer than its header is a wrong separator or a stray quote; a note beside an Excel table is not.
            if (csvEncoding is not null && values.Length > headers.Length && values.Skip(headers.Length).Any(v => ImportSheet.AsText(v) is not null))
            {
                throw new ImportFileException($"第 {number} 行的列数多于表头，请检查分隔符（应为英文逗号）和引号");
            }
            if (values.All(v => ImportSheet.AsText(v) is null))
            {
                // Never walk a sheet of a million formatted blank rows to its end.
                if (number > ImportSheet.MaxRows * 2)
                {
                    throw new ImportFileException(ImportSheet.TooManyRows);
                }
                continue;
            }
            if (++data > ImportSheet.MaxRows)
            {
                throw new ImportFileException(ImportSheet.TooManyRows);
            }
            var cells = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                cells[headers[i]] = i < values.Length ? values[i] : null;
            }
            yield return new ImportRow(number, cells);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A reader failing half-way through the file is the file's fault, said in Chinese; not a server error.</summary>
    private static IEnumerable<object?[]> Guarded(IEnumerable<object?[]> records)
    {
        using var e = records.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is not (ImportFileException or OutOfMemoryException or OperationCanceledException))
            {
                throw new ImportFileException("无法读取文件，请确认文件未损坏且为 .xlsx 或 .csv 格式");
            }
            yield return e.Current;
        }
    }
}

/// <summary>
/// Reads an uploaded .xlsx or .csv (UTF-8 or GB18030) as a stream of rows, with the size, type and row limits of every
/// import. Memory does not grow with the file: MiniExcel reads the sheet's XML as it goes (shared strings beyond a few
/// MB are cached on disk), and the CSV reader decodes record by record.
/// </summary>
internal static class ImportSheet
{
    /// <summary>
    /// 25 MB holds a county's whole market-entity registry (~160,000 enterprises as UTF-8 CSV, far more as .xlsx) and stays
    /// under Kestrel's default request limit (28.6 MB), so an oversized file gets this Chinese message, not a bare 413.
    /// </summary>
    public const long MaxBytes = 25 * 1024 * 1024;

    /// <summary>A large county's registry holds tens of thousands of enterprises; 200,000 rows leave room without inviting a province.</summary>
    public const int MaxRows = 200_000;

    public static readonly string TooManyRows = $"单次导入不能超过 {MaxRows} 行，请拆分文件后再导入";

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
        return length > MaxBytes ? "文件不能超过 25 MB" : null;
    }

    /// <summary>
    /// The file's rows (read again on each enumeration), or the Chinese reason the file cannot be imported at all:
    /// not a workbook, a required column missing, no data row.
    /// </summary>
    public static (ImportRows? Rows, string? Error) Open(ImportUpload upload, IReadOnlyList<string> requiredColumns)
    {
        Encoding? encoding = null;
        List<string> headers;
        try
        {
            using var stream = upload.Open();
            if (upload.Extension == ".xlsx")
            {
                Span<byte> magic = stackalloc byte[2];
                if (stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != 'P' || magic[1] != 'K')
                {
                    return (null, "文件内容不是有效的 .xlsx 工作簿");
                }
                stream.Position = 0;
            }
            else
            {
                encoding = CsvEncoding(stream);
                stream.Position = 0;
            }
            headers = [.. (Records(stream, upload.Extension, encoding).FirstOrDefault() ?? []).Select(AsText).OfType<string>().Select(HeaderName)];
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return (null, "无法读取文件，请确认文件未损坏且为 .xlsx 或 .csv 格式");
        }
        var missing = requiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"缺少必需的列：{string.Join("、", missing)}（请使用导入模板）");
        }
        var rows = new ImportRows(upload, encoding);
        try
        {
            return rows.Any() ? (rows, null) : (null, "文件中没有数据行");
        }
        catch (ImportFileException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The raw records of the file, header row first, cells in column order.</summary>
    internal static IEnumerable<object?[]> Records(Stream stream, string extension, Encoding? csvEncoding)
    {
        if (extension == ".xlsx")
        {
            // Without a header row MiniExcel keys cells by column letter (A, B, ...) in column order, blank rows included.
            return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.Values.ToArray());
        }
        return CsvRecords(new StreamReader(stream, csvEncoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true));
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

    internal static string HeaderName(string key) => key.Trim().TrimEnd('*', '＊').Trim();

    /// <summary>
    /// CSV saved by Chinese Excel is usually GB18030, by other tools UTF-8: the file is UTF-8 when all of it decodes
    /// strictly as UTF-8 (checked in one streaming pass; a BOM decides at once), else GB18030.
    /// </summary>
    private static Encoding CsvEncoding(Stream stream)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length + 4];
        int read;
        try
        {
            // GetChars, not GetCharCount: only it carries a character split across two reads over to the next.
            while ((read = stream.Read(buffer)) > 0)
            {
                decoder.GetChars(buffer.AsSpan(0, read), chars, flush: false);
            }
            decoder.GetChars([], chars, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>
    /// RFC 4180 records (comma, double quotes, "" inside quotes, line breaks inside quotes), one at a time. A blank line is
    /// a record of one empty cell, so the row numbers we report are the records the user sees in Excel.
    /// </summary>
    private static IEnumerable<object?[]> CsvRecords(StreamReader reader)
    {
        using (reader)
        {
            var fields = new List<object?>();
            var field = new StringBuilder();
            var (quoted, started) = (false, false);
            int c;
            while ((c = reader.Read()) >= 0)
            {
                started = true;
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append((char)c);
                    }
                    else if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                    continue;
                }
                switch (c)
                {
                    case '"':
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r' or '\n':
                        if (c == '\r' && reader.Peek() == '\n')
                        {
                            reader.Read();
                        }
                        fields.Add(field.ToString());
                        field.Clear();
                        yield return [.. fields];
                        fields.Clear();
                        started = false;
                        break;
                    default:
                        field.Append((char)c);
                        break;
                }
            }
            if (started)
            {
                fields.Add(field.ToString());
                yield return [.. fields];
            }
        }
    }
}
