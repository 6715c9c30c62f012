using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Leniency.Export;

/// <summary>The flexible-enforcement lists as .xlsx (list versions, current items, exemption cases, guidance records), each through its own pages and scope.</summary>
internal static class ExportLeniency
{
    private static readonly IReadOnlyList<XlsxColumn<ListDto>> ListColumns =
    [
        new("执法单位", 24, l => l.UnitName), new("清单类别", 14, l => l.KindName), new("版本", 6, l => l.Number), new("状态", 10, l => l.StateName),
        new("事项数", 8, l => l.ItemCount), new("创建时间", 18, l => l.CreatedAt), new("批准时间", 18, l => l.ApprovedAt),
    ];

    private static readonly IReadOnlyList<XlsxColumn<ListItemDto>> ItemColumns =
    [
        new("执法单位", 24, i => i.UnitName), new("清单类别", 14, i => i.KindName), new("事项", 36, i => i.Name),
        new("适用条件", 50, i => string.Join("；", i.Conditions.Select(c => c.Text))), new("法律依据", 40, i => i.LegalBasis),
    ];

    private static readonly IReadOnlyList<XlsxColumn<ExemptionDto>> ExemptionColumns =
    [
        new("编号", 20, e => e.Number), new("执法单位", 24, e => e.UnitName), new("类别", 14, e => e.KindName), new("事项", 30, e => e.ItemName),
        new("统一社会信用代码", 22, e => e.Uscc), new("企业名称", 30, e => e.EnterpriseName), new("违法行为日期", 12, e => e.ViolationOn),
        new("处理日期", 12, e => e.DecidedOn), new("改正期限", 12, e => e.CorrectionDeadline), new("承诺履行", 12, e => e.StateName),
    ];

    private static readonly IReadOnlyList<XlsxColumn<GuidanceRecordDto>> GuidanceColumns =
    [
        new("执法单位", 24, g => g.UnitName), new("对象", 30, g => g.TargetName), new("统一社会信用代码", 22, g => g.TargetUscc),
        new("事项", 36, g => g.Matter), new("方式", 10, g => g.FormName), new("日期", 12, g => g.On), new("结果", 30, g => g.Result),
    ];

    /// <summary>The contact is a person's phone: masked (the request page shows it to the unit that answers).</summary>
    private static readonly IReadOnlyList<XlsxColumn<GuidanceRequestDto>> RequestColumns =
    [
        new("执法单位", 24, r => r.UnitName), new("统一社会信用代码", 22, r => r.Uscc), new("企业名称", 30, r => r.EnterpriseName),
        new("联系方式", 16, r => Mask.Phone(r.Contact)), new("申请事项", 40, r => r.Matter), new("提交时间", 18, r => r.SubmittedAt),
        new("答复期限", 12, r => r.DueOn), new("状态", 10, r => r.StateName), new("答复日期", 12, r => r.AnsweredOn),
    ];

    /// <summary>
    /// The guidance requests the caller may list, under the list's own policy: a unit's received requests, an enterprise's
    /// own (the list's query narrows an enterprise to its USCC), the bureau's all.
    /// </summary>
    public static void MapRequestExport(this RouteGroupBuilder g) =>
        g.MapGet("/guidance/requests/export", ([AsParameters] GuidanceRequestQuery q, SunlightDbContext db) => XlsxExport.File("行政指导申请.xlsx", "行政指导申请", RequestColumns,
                XlsxExport.AllPages((after, ct) => GuidanceQueries.RequestsAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).RequireAuthorization(LeniencyPolicies.ReadRequests)
            .WithSummary("导出行政指导申请（与列表相同的筛选条件与范围，企业只含本企业提交的，.xlsx；联系方式已脱敏）");

    public static void MapExports(this RouteGroupBuilder g)
    {
        g.MapGet("/lists/export", ([AsParameters] ListQuery q, SunlightDbContext db) => XlsxExport.File("柔性执法清单.xlsx", "清单", ListColumns,
                XlsxExport.AllPages((after, ct) => ListQueries.PageAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出清单版本（与列表相同的筛选条件，.xlsx）");
        g.MapGet("/items/export", ([AsParameters] ItemQuery q, SunlightDbContext db) => XlsxExport.File("柔性执法清单事项.xlsx", "事项", ItemColumns,
                XlsxExport.AllPages((after, ct) => ListQueries.ItemsAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出现行清单事项（与列表相同的筛选条件，.xlsx）");
        g.MapGet("/exemptions/export", ([AsParameters] ExemptionQuery q, ExemptionQueries queries) => XlsxExport.File("免罚案件台账.xlsx", "免罚案件", ExemptionColumns,
                XlsxExport.AllPages((after, ct) => queries.PageAsync(q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出免罚案件台账（与列表相同的筛选条件与范围，.xlsx）");
        g.MapGet("/guidance/records/export", ([AsParameters] GuidanceRecordQuery q, SunlightDbContext db) => XlsxExport.File("行政指导记录.xlsx", "行政指导", GuidanceColumns,
                XlsxExport.AllPages((after, ct) => GuidanceQueries.RecordsAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出行政指导记录（与列表相同的筛选条件与范围，.xlsx）");
    }
}
