using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using Sunlight.Tests.Infrastructure;

namespace Sunlight.Tests.Registry;

/// <summary>Builds import files in code and speaks to the pages the way a browser does (cookie, antiforgery token).</summary>
internal static class RegistryTestFiles
{
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    public static Dictionary<string, object?> Row(string[] columns, params object?[] values) =>
        columns.Select((c, i) => (c, v: i < values.Length ? values[i] : null)).ToDictionary(x => x.c, x => x.v, StringComparer.Ordinal);

    public static List<Dictionary<string, object?>> ReadXlsx(byte[] content, bool headerRow = true)
    {
        using var ms = new MemoryStream(content);
        return ms.Query(useHeaderRow: headerRow, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(d => new Dictionary<string, object?>(d, StringComparer.Ordinal)).ToList();
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return form;
    }

    /// <summary>A browser-like client signed in through the login page.</summary>
    public static Task<HttpClient> SignInAsync(SunlightFactory app, string userName) => app.LoginWithCookieAsync(userName);

    /// <summary>Fetches a page and returns its antiforgery token (the cookie stays in the client).</summary>
    public static Task<string> TokenAsync(HttpClient client, string path) => CookieLogin.AntiforgeryTokenAsync(client, path);

    public static string TokenIn(string html) => CookieLogin.TokenIn(html);

    public static string Html(string raw) => System.Net.WebUtility.HtmlDecode(raw);

    public static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
