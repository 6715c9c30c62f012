using Sunlight.Web.Features.Registry.EnforcementItems;
using Sunlight.Web.Features.Registry.InspectionItems;
using Sunlight.Web.Features.Registry.Units;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Registry.Export;

/// <summary>The units and the two item lists as .xlsx, each through its own pages, filters and scope (enterprises and officers: their *Files).</summary>
internal static class RegistryExports
{
    private static readonly IReadOnlyList<XlsxColumn<UnitDto>> UnitColumns =
    [
        new("单位编码", 10, u => u.Code), new("单位名称", 30, u => u.Name), new("类别", 18, u => EnforcementUnit.KindName(u.Kind)),
        new("统一社会信用代码", 22, u => u.Uscc), new("地址", 36, u => u.Address), new("办公电话", 16, u => u.Phone), new("负责人", 10, u => u.Head),
        new("在用", 6, u => u.IsActive),
    ];

    private static readonly IReadOnlyList<XlsxColumn<EnforcementItemDto>> EnforcementItemColumns =
    [
        new("执法单位", 24, i => i.UnitName), new("事项编码", 16, i => i.Code), new("事项名称", 40, i => i.Name),
        new("类别", 10, i => EnforcementItem.KindName(i.Kind)), new("法律依据", 50, i => i.LegalBasis),
    ];

    private static readonly IReadOnlyList<XlsxColumn<InspectionItemDto>> InspectionItemColumns =
    [
        new("执法单位", 24, i => i.UnitName), new("事项编码", 16, i => i.Code), new("事项名称", 40, i => i.Name),
        new("法律依据", 50, i => i.LegalBasis), new("检查方式", 20, i => i.Method),
    ];

    public static void MapRegistryExports(this RouteGroupBuilder api)
    {
        api.MapGet("/units/export", ([AsParameters] UnitQuery q, SunlightDbContext db) => XlsxExport.File("执法单位.xlsx", "执法单位", UnitColumns,
                XlsxExport.AllPages((after, ct) => UnitList.PageAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .RequireAuthorization(RegistryPolicies.Read).WithTags("执法单位")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出执法单位（与列表相同的筛选条件，.xlsx）");
        api.MapGet("/enforcement-items/export", ([AsParameters] EnforcementItemQuery q, SunlightDbContext db) => XlsxExport.File("执法事项.xlsx", "执法事项", EnforcementItemColumns,
                XlsxExport.AllPages((after, ct) => EnforcementItemList.PageAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .RequireAuthorization(RegistryPolicies.Read).WithTags("执法事项")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出执法事项（与列表相同的筛选条件，.xlsx）");
        api.MapGet("/inspection-items/export", ([AsParameters] InspectionItemQuery q, SunlightDbContext db) => XlsxExport.File("检查事项.xlsx", "检查事项", InspectionItemColumns,
                XlsxExport.AllPages((after, ct) => InspectionItemList.PageAsync(db, q with { After = after, Limit = Paging.MaxLimit }, ct))))
            .RequireAuthorization(RegistryPolicies.Read).WithTags("检查事项")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).WithSummary("导出检查事项（与列表相同的筛选条件，.xlsx）");
    }
}
