using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Reports.Campaign;
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
