using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Reports.Statistics;

/// <summary>
/// 行政执法统计年报 for the public (公开): every ended year's counts per unit and kind, with the workbook and the document to
/// download. Counts only — no case, party or officer — read through <see cref="Unscoped.PublicStatistics{T}"/>.
/// </summary>
[AllowAnonymous]
internal sealed class PublicStatisticsModel(AnnualStatistics statistics, SunlightDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AnnualStatisticsDto> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var years = new List<AnnualStatisticsDto>();
        foreach (var year in await statistics.YearsAsync(completeOnly: true, ct))
        {
            years.Add(await statistics.ForPublicAsync(year, ct));
        }
        Years = years;
    }

    /// <summary>An ended year's statistics as .xlsx or .docx; 404 for a year not yet ended or a format not offered.</summary>
    public async Task<IActionResult> OnGetFileAsync(int year, string? format, CancellationToken ct)
    {
        if (year < 2000 || year >= ChinaTime.Today(clock).Year || format is not ("xlsx" or "docx"))
        {
            return NotFound();
        }
        var s = await statistics.ForPublicAsync(year, ct);
        var name = $"{year}年度行政执法统计年报";
        return format == "xlsx"
            ? (IActionResult)AnnualStatistics.Xlsx(s, name + ".xlsx")
            : File(AnnualStatistics.Document(s, await ReportIssuer.NameAsync(db.PublicUnits(), ct), ChinaTime.Today(clock)).ToBytes(),
                Infrastructure.Documents.OfficialDocument.ContentType, name + ".docx");
    }
}
