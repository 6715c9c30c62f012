using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Enforcement.Export;

/// <summary>The case register and the warning board as .xlsx: each list's own pages, filters and scope, streamed.</summary>
internal static class ExportCases
{
    private static readonly IReadOnlyList<XlsxColumn<CaseRow>> CaseColumns =
    [
        new("案件编号", 22, r => r.Number),
        new("案由", 36, r => r.Title),
        new("类别", 10, r => r.KindName),
        new("执法单位", 24, r => r.UnitName),
        new("当事人", 24, r => r.PartyName),
        new("当前环节", 12, r => r.StageName),
        new("立案日期", 12, r => r.FiledOn),
        new("待处理预警", 10, r => r.OpenWarnings),
    ];

    private static readonly IReadOnlyList<XlsxColumn<WarningDto>> WarningColumns =
    [
        new("案件编号", 22, w => w.CaseNumber),
        new("执法单位", 24, w => w.UnitName),
        new("规则", 10, w => w.Rule),
        new("规则名称", 24, w => w.RuleTitle),
        new("严重程度", 10, w => w.SeverityName),
        new("预警内容", 50, w => w.Message),
        new("期限", 12, w => w.DueOn),
        new("状态", 10, w => w.StateName),
        new("预警时间", 18, w => w.RaisedAt),
    ];

    public static void MapExports(this RouteGroupBuilder g)
    {
        g.MapGet("/export", ([AsParameters] CaseQuery q, CaseQueries cases) => XlsxExport.File("行政执法案件台账.xlsx", "案件台账", CaseColumns,
                XlsxExport.AllPages((after, ct) => cases.PageAsync(q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出案件台账（与列表相同的筛选条件与范围，.xlsx）");
        g.MapGet("/warnings/export", ([AsParameters] WarningQuery q, CaseQueries cases) => XlsxExport.File("合法性预警.xlsx", "预警", WarningColumns,
                XlsxExport.AllPages((after, ct) => cases.WarningPageAsync(q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出预警（与列表相同的筛选条件与范围，.xlsx）");
    }
}
