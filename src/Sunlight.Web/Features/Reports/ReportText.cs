using System.Globalization;

namespace Sunlight.Web.Features.Reports;

/// <summary>How reports write numbers and dates (2022年3月1日), whatever the server's culture.</summary>
internal static class ReportText
{
    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
