using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Officers;

/// <summary>执法人员导入（.xlsx/.csv）与导出（.xlsx）.</summary>
internal static class OfficerFiles
{
    public static readonly string[] ExportColumns = ["单位编码", "单位名称", "姓名", "职务", "辅助人员", "执法证号", "执法类别", "有效期起", "有效期止", "持证状态"];

    public static void MapOfficerFiles(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/officers").WithTags("执法人员");

        g.MapPost("/import", (IFormFile? file, string? mode, ImportOfficers import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportOfficers.Required, import.RunAsync, ct))
            .RequireAuthorization(RegistryPolicies.Edit)
            .WithSummary("批量导入执法人员（multipart 字段 file：.xlsx 或 .csv；mode=strict|validOnly，默认 strict）");

        g.MapGet("/export", async ([AsParameters] OfficerQuery q, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await ExportAsync(db, q, ChinaTime.Today(clock), ct), ImportSheet.XlsxContentType, "执法人员名录.xlsx"))
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("导出执法人员（与列表相同的筛选条件，.xlsx；每人一行，列出有效期最晚的执法证）");
    }

    public static async Task<byte[]> ExportAsync(SunlightDbContext db, OfficerQuery q, DateOnly today, CancellationToken ct)
    {
        var officers = await OfficerList.Filter(db.Officers.AsNoTracking(), q, today)
            .OrderBy(o => o.Id).Include(o => o.Unit).Include(o => o.Credentials).AsSplitQuery().ToListAsync(ct);
        return ImportSheet.Xlsx(officers.Select(o =>
        {
            var c = o.Credentials.OrderByDescending(x => x.ValidTo).FirstOrDefault();
            return (IDictionary<string, object?>)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["单位编码"] = o.Unit?.Code,
                ["单位名称"] = o.Unit?.Name,
                ["姓名"] = o.Name,
                ["职务"] = o.Position,
                ["辅助人员"] = o.IsAuxiliary ? "是" : "否",
                ["执法证号"] = c?.Number,
                ["执法类别"] = c?.Category,
                ["有效期起"] = c?.ValidFrom.ToString("yyyy-MM-dd"),
                ["有效期止"] = c?.ValidTo.ToString("yyyy-MM-dd"),
                ["持证状态"] = o.IsAuxiliary ? "辅助人员" : o.IsQualifiedOn(today) ? "有效" : "无有效执法证",
            };
        }).DefaultIfEmpty(EnterpriseFiles.Empty(ExportColumns)));
    }
}
