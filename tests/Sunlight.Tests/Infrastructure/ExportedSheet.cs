using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sunlight.Tests.Infrastructure;

/// <summary>An exported .xlsx as the OpenXml SDK reads it: the header row, the data rows as text keyed by header, the column widths.</summary>
public sealed record ExportedSheet(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows, IReadOnlyList<double> Widths, string AllText)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>GETs an export, checks it is a 200 .xlsx download and reads it.</summary>
    public static async Task<ExportedSheet> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    public static ExportedSheet Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var worksheet = workbook.WorksheetParts.First().Worksheet;
        var rows = worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => Text(c, shared)).ToList()).ToList();
        var headers = rows.Count > 0 ? rows[0].Select(h => h ?? "").ToList() : [];
        var data = rows.Skip(1).Select(r => (IReadOnlyDictionary<string, string?>)headers.Select((h, i) => (h, v: i < r.Count ? r[i] : null))
            .ToDictionary(x => x.h, x => x.v)).ToList();
        var widths = worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
        return new ExportedSheet(headers, data, widths, string.Join("\n", rows.Select(r => string.Join("\t", r))));
    }

    private static string? Text(Cell c, List<string> shared)
    {
        if (c.DataType?.Value == CellValues.InlineString)
        {
            return c.InlineString?.InnerText;
        }
        var raw = c.CellValue?.InnerText;
        if (c.DataType?.Value == CellValues.SharedString && raw is not null)
        {
            return shared[int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)];
        }
        return string.IsNullOrEmpty(raw) ? null : raw;
    }
}
