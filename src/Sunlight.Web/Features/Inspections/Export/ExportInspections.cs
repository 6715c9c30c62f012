using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Inspections.Export;

/// <summary>The inspection list as .xlsx: the list's own pages, filters and scope (UnitStaff: own unit), streamed.</summary>
internal static class ExportInspections
{
    private static readonly IReadOnlyList<XlsxColumn<InspectionRow>> Columns =
    [
        new("检查码", 14, r => r.Code),
        new("检查单位", 24, r => r.UnitName),
        new("被检查企业", 30, r => r.EnterpriseName),
        new("检查类型", 12, r => r.TypeText),
        new("检查日期", 12, r => r.VisitDate),
        new("状态", 10, r => r.StateText),
        new("补录", 6, r => r.IsBackfill),
        new("提示", 40, r => string.Join("；", r.Warnings.Select(InspectionText.Warning))),
    ];

    public static void MapExport(this RouteGroupBuilder staff) =>
        staff.MapGet("/export", (long? enterpriseId, InspectionState? state, InspectionQueries q) => XlsxExport.File("涉企行政检查.xlsx", "检查", Columns,
                XlsxExport.AllPages((after, ct) => q.ListAsync(q.Filter(enterpriseId, state), after, Paging.MaxLimit, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出检查列表（与列表相同的筛选条件与范围，.xlsx）");
}
