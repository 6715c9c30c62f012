using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Reports.Campaign;
using Sunlight.Web.Features.Reports.Statistics;
using Sunlight.Web.Features.Reports.UnitCard;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Web.Features.Reports;

/// <summary>The report files: each a document built from records and rendered as asked (.docx / .pdf / .xlsx).</summary>
internal static class ReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports").WithTags("报告与统计");

        g.MapGet("/campaigns/{id:long}/{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, string format, CampaignReport report, CancellationToken ct) =>
                await report.BuildAsync(id, ct) is { } doc && ReportFile.From(doc, format, "专项治理工作情况报告-" + id) is { } file
                    ? file
                    : ApiErrors.NotFound("专项治理报告"))
            .RequireAuthorization(ReportsPolicies.County)
            .WithSummary("专项治理工作情况报告（format：docx 或 pdf；数据与 /campaigns/{id}/figures 同一查询）");

        g.MapGet("/statistics/{year:int}/{format}", async Task<IResult> (int year, string format, AnnualStatistics statistics,
                SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (year < 2000 || year > ChinaTime.Today(clock).Year || format is not ("xlsx" or "docx" or "pdf"))
                {
                    return ApiErrors.NotFound("统计年报");
                }
                var s = await statistics.ForCountyAsync(year, ct);
                var name = $"{year}年度行政执法统计年报";
                return format == "xlsx"
                    ? AnnualStatistics.Xlsx(s, name + ".xlsx")
                    : (IResult)ReportFile.From(AnnualStatistics.Document(s, await ReportIssuer.NameAsync(db.Units, ct), ChinaTime.Today(clock)), format, name)!;
            })
            .RequireAuthorization(ReportsPolicies.County)
            .WithSummary("行政执法统计年报（format：xlsx、docx 或 pdf；按单位、执法行为类别计数，次年 1 月 31 日前报送）");

        g.MapGet("/units/{id:long}/{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> (long id, string format, DateOnly? from, DateOnly? to,
                UnitReportCard card, TimeProvider clock, CancellationToken ct) =>
            {
                var (start, end) = ReportPeriod.Of(from, to, clock);
                if (start > end)
                {
                    return ApiErrors.Invalid("from", "开始日期不能晚于结束日期。");
                }
                return await card.BuildAsync(id, start, end, ct) is { } doc && ReportFile.From(doc, format, $"单位执法监督情况-{id}-{start:yyyyMMdd}-{end:yyyyMMdd}") is { } file
                    ? file
                    : ApiErrors.NotFound("单位");
            })
            .RequireAuthorization(ReportsPolicies.UnitCard)
            .WithSummary("单位执法监督情况（format：docx 或 pdf；from/to 默认为本年 1 月 1 日至今日；执法单位只能取本单位）");
    }
}

/// <summary>A document as the file asked for by its extension; null for a format the report has not.</summary>
internal static class ReportFile
{
    public static FileContentHttpResult? From(OfficialDocument doc, string format, string name) => format switch
    {
        "docx" => TypedResults.File(doc.ToBytes(), OfficialDocument.ContentType, name + ".docx"),
        "pdf" => TypedResults.File(doc.ToPdf(), OfficialDocument.PdfContentType, name + ".pdf"),
        _ => null,
    };
}

/// <summary>A report's period: from 1 January of this year to today unless given.</summary>
internal static class ReportPeriod
{
    public static (DateOnly From, DateOnly To) Of(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        return (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
    }
}
