using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Sunlight.Web.Infrastructure.Export;

/// <summary>One column of a sheet: its Chinese header, its width in characters and how a row gives its value.</summary>
internal sealed record XlsxColumn<T>(string Header, double Width, Func<T, object?> Value);

/// <summary>
/// The one way to write a sheet (every list export, every import template): rows go to the output as they are read
/// (SpreadCheetah writes the zip entry as it goes, nothing is held but a small buffer), a bold frozen header row with
/// the columns' widths, text and numbers as cells. A list's export is its own query with the list's filters and scope,
/// projected into the columns the list shows; confidential fields never become a column, personal identifiers are
/// masked with <see cref="Mask"/>.
/// </summary>
internal static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the header and every row to <paramref name="output"/> (which need not be seekable, e.g. a response body).</summary>
    public static async Task WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Width;
        }
        await sheet.StartWorksheetAsync(sheetName, options, ct);
        await sheet.AddHeaderRowAsync(columns.Select(c => c.Header).ToArray(), sheet.AddStyle(new Style { Font = { Bold = true } }), ct);
        var cells = new DataCell[columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Cell(columns[i].Value(row));
            }
            await sheet.AddRowAsync(cells, ct);
        }
        await sheet.FinishAsync(ct);
    }

    /// <summary>The sheet as a download, streamed to the response; usable from a minimal API endpoint and from a page handler.</summary>
    public static XlsxFile<T> File<T>(string fileName, string sheetName, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows) =>
        new(fileName, sheetName, columns, rows);

    /// <summary>
    /// Every row of a list through its own keyset pages (the list's query, filters and scope, <see cref="Paging.MaxLimit"/>
    /// rows at a time): for lists that have no unpaged query of their own. Only one page is held at a time.
    /// </summary>
    public static async IAsyncEnumerable<T> AllPages<T>(Func<long?, CancellationToken, Task<Page<T>>> page, [EnumeratorCancellation] CancellationToken ct = default)
    {
        long? after = null;
        do
        {
            var p = await page(after, ct);
            foreach (var item in p.Items)
            {
                yield return item;
            }
            after = p.Items.Count > 0 ? p.NextCursor : null;
        }
        while (after is not null);
    }

    /// <summary>An import template: the header row and one example row, small enough to build in memory.</summary>
    public static byte[] Template(IReadOnlyList<string> columns, IReadOnlyList<object?> example)
    {
        using var ms = new MemoryStream();
        var sheetColumns = columns.Select((c, i) => new XlsxColumn<IReadOnlyList<object?>>(c, Math.Max(12, c.Length * 2 + 4), r => r[i])).ToList();
        // A MemoryStream never waits: this completes synchronously.
        WriteAsync(ms, "Sheet1", sheetColumns, One(example), CancellationToken.None).GetAwaiter().GetResult();
        return ms.ToArray();
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> One(IReadOnlyList<object?> row, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        ct.ThrowIfCancellationRequested();
        yield return row;
    }

    private static DataCell Cell(object? value) => value switch
    {
        null => new DataCell((string?)null),
        string s => new DataCell(s),
        int i => new DataCell(i),
        long l => new DataCell(l),
        decimal d => new DataCell(d),
        double d => new DataCell(d),
        bool b => new DataCell(b ? "是" : "否"),
        DateOnly d => new DataCell(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset t => new DataCell(ChinaTime.Format(t)),
        _ => new DataCell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}

/// <summary>A streamed .xlsx download (see <see cref="XlsxExport.File{T}"/>).</summary>
internal sealed class XlsxFile<T>(string fileName, string sheetName, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows) : IResult, IActionResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = XlsxExport.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The zip writer ends each part with a few synchronous bytes (its data descriptor); a response body allows only
        // asynchronous writes, so those are held and sent with the next asynchronous write.
        await using var body = new AsyncWrites(response.Body);
        await XlsxExport.WriteAsync(body, sheetName, columns, rows, httpContext.RequestAborted);
        await body.FlushAsync(httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}

/// <summary>A write-only stream over a response body: asynchronous writes pass through, the rare synchronous ones are held until the next.</summary>
internal sealed class AsyncWrites(Stream inner) : Stream
{
    private readonly MemoryStream held = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    /// <summary>Nothing is sent synchronously; <see cref="FlushAsync(CancellationToken)"/> sends what is held.</summary>
    public override void Flush()
    {
    }

    private async ValueTask SendHeldAsync(CancellationToken ct)
    {
        if (held.Length > 0)
        {
            await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), ct);
            held.SetLength(0);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            held.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>How a personal identifier appears outside its record: enough to tell two apart, not enough to use.</summary>
internal static class Mask
{
    /// <summary>A mainland ID number keeps its first 6 and last 4 characters (110101********1234); other numbers their ends.</summary>
    public static string? IdNumber(string? value) => Keep(value, 6, 4);

    /// <summary>A phone number keeps its first 3 and last 4 digits (138****5678).</summary>
    public static string? Phone(string? value) => Keep(value, 3, 4);

    private static string? Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        var v = value.Trim();
        if (v.Length <= head + tail)
        {
            return new string('*', v.Length);
        }
        return string.Concat(v.AsSpan(0, head), new string('*', v.Length - head - tail), v.AsSpan(v.Length - tail));
    }
}
