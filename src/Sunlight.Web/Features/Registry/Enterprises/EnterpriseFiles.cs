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

        g.MapGet("/export", async ([AsParameters] EnterpriseQuery q, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.File(await ExportAsync(db, q, ct), ImportSheet.XlsxContentType, "企业名录.xlsx"))
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("导出企业名录（与列表相同的筛选条件，.xlsx）");
    }

    public static async Task<byte[]> ExportAsync(SunlightDbContext db, EnterpriseQuery q, CancellationToken ct)
    {
        var rows = await EnterpriseList.Filter(db.Enterprises.AsNoTracking(), q).OrderBy(e => e.Id).ToListAsync(ct);
        return ImportSheet.Xlsx(rows.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["统一社会信用代码"] = e.Uscc,
            ["企业名称"] = e.Name,
            ["地址"] = e.Address,
            ["行业"] = e.Industry,
            ["法定代表人"] = e.LegalRepresentative,
            ["联系电话"] = e.Phone,
        }).DefaultIfEmpty(Empty(ImportEnterprises.Columns)));
    }

    /// <summary>A header-only sheet still needs one row to carry its headers.</summary>
    internal static IDictionary<string, object?> Empty(IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal);
}
