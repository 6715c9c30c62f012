using Sunlight.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Enterprises;

/// <summary>企业导入（.xlsx/.csv）与导出（.xlsx）.</summary>
internal static class EnterpriseFiles
{
    public static void MapEnterpriseFiles(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("企业");

        g.MapPost("/import", (IFormFile? file, string? mode, ImportEnterprises import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportEnterprises.Required, import.RunAsync, ct))
            .RequireAuthorization(RegistryPolicies.EditEnterprises)
            .WithSummary("批量导入企业（multipart 字段 file：.xlsx 或 .csv；mode=strict|validOnly，默认 strict）");

        g.MapGet("/export", ([AsParameters] EnterpriseQuery q, SunlightDbContext db) => Export(db, q))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("导出企业名录（与列表相同的筛选条件，.xlsx；列与导入模板相同，可改后再导入）");
    }

    /// <summary>The columns of the import template, so an exported list can be edited and imported back.</summary>
    private static readonly IReadOnlyList<XlsxColumn<Enterprise>> Columns =
    [
        new("统一社会信用代码", 22, e => e.Uscc),
        new("企业名称", 30, e => e.Name),
        new("地址", 36, e => e.Address),
        new("行业", 12, e => e.Industry),
        new("法定代表人", 12, e => e.LegalRepresentative),
        new("联系电话", 16, e => e.Phone),
    ];

    public static XlsxFile<Enterprise> Export(SunlightDbContext db, EnterpriseQuery q) =>
        XlsxExport.File("企业名录.xlsx", "企业名录", Columns, EnterpriseList.Filter(db.Enterprises.AsNoTracking(), q).OrderBy(e => e.Id).AsAsyncEnumerable());
}
