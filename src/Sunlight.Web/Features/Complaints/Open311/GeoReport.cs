using System.Globalization;
using System.Xml.Linq;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>One GeoReport v2 element: its fields in the order the spec lists them (nested rows for lists).</summary>
internal sealed record GeoRow(IReadOnlyList<(string Key, object? Value)> Fields);

/// <summary>
/// The GeoReport v2 wire format: JSON (an array, or an object for a single document) or XML (a root element with one
/// child per row, UTF-8 declared), chosen by the URL's <c>.json</c>/<c>.xml</c>. Errors go through <see cref="ApiErrors.Open311Error"/>.
/// </summary>
internal static class GeoReport
{
    public static bool IsFormat(string format) => format is "json" or "xml";

    public static IResult BadFormat() => ApiErrors.Open311Error("json", 400, "格式只支持 json 或 xml。");

    public static IResult Respond(string format, string root, string? item, IReadOnlyList<GeoRow> rows, bool single = false, int status = 200)
    {
        if (format == "json")
        {
            object body = single ? ToJson(rows[0]) : rows.Select(ToJson).ToList();
            return Results.Json(body, statusCode: status);
        }
        if (format == "xml")
        {
            var doc = single ? ToXml(root, rows[0]) : new XElement(root, rows.Select(r => ToXml(item!, r)));
            return Results.Text(new XDeclaration("1.0", "utf-8", null) + "\n" + doc, "text/xml; charset=utf-8", statusCode: status);
        }
        return BadFormat();
    }

    /// <summary>An instant as GeoReport writes it (W3C, China time).</summary>
    public static string Iso(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A client's date parameter: absent → null; present but not a date → false (the caller answers 400).</summary>
    public static bool TryParseDate(string? s, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(s))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            value = d;
            return true;
        }
        return false;
    }

    public static string Number(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> ToJson(GeoRow row) => row.Fields.ToDictionary(f => f.Key, f => f.Value switch
    {
        GeoRow[] nested => nested.Select(ToJson).ToList(),
        _ => f.Value,
    });

    private static XElement ToXml(string name, GeoRow row) => new(name, row.Fields.Select(f => f.Value switch
    {
        GeoRow[] nested => new XElement(f.Key, nested.Select(n => ToXml(f.Key.TrimEnd('s'), n))),
        string[] list => new XElement(f.Key, list.Select(v => new XElement("format", v))),
        bool b => new XElement(f.Key, b ? "true" : "false"),
        double d => new XElement(f.Key, Number(d)),
        null => new XElement(f.Key),
        _ => new XElement(f.Key, f.Value),
    }));
}
