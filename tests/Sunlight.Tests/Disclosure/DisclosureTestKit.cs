using System.Text.RegularExpressions;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Tests.Disclosure;

/// <summary>What the portal tests share: the demo county, a neighbouring county whose rows must never show, and the page total.</summary>
internal static partial class DisclosureTestKit
{
    /// <summary>The demo county (setting <c>Sunlight:RegionCode</c>).</summary>
    public const string County = "359901";

    /// <summary>Another county in the same database: nothing of it may appear on this county's portal.</summary>
    public const string OtherCounty = "359902";

    /// <summary>The unit of the other county, added once per fixture with the marker in every name.</summary>
    public static async Task<EnforcementUnit> OtherCountyUnitAsync(SunlightFactory app, string marker) => await app.Db(async db =>
    {
        var unit = new EnforcementUnit { RegionCode = OtherCounty, Code = "X" + Random.Shared.Next(100_000, 999_999), Name = "邻县" + marker + "局", Kind = UnitKind.Enforcement };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    });

    public static async Task<string> AnonymousHtmlAsync(SunlightFactory app, string url)
    {
        using var anonymous = PageSession.Anonymous(app);
        return await anonymous.GetHtmlAsync(url);
    }

    /// <summary>The "共 N 条" the page shows.</summary>
    public static int Total(string html)
    {
        var m = TotalText().Match(html);
        Assert.True(m.Success, "no total (共 N 条) on the page");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The list item the page shows for one row (marked <c>data-number</c>), to check what that row says.</summary>
    public static string Row(string html, string number)
    {
        var start = html.IndexOf($"data-number=\"{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"row {number} not on the page");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    /// <summary>How many rows of this kind the page lists.</summary>
    public static int Count(string html, string testId) => Regex.Count(html, $"data-testid=\"{testId}\"");

    [GeneratedRegex("data-testid=\"total\">共 (\\d+) ")]
    private static partial Regex TotalText();
}
