using Sunlight.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Officers;

/// <summary>执法人员导入（.xlsx/.csv）与导出（.xlsx）.</summary>
internal static class OfficerFiles
{
    public static void MapOfficerFiles(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/officers").WithTags("执法人员");

        g.MapPost("/import", (IFormFile? file, string? mode, ImportOfficers import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportOfficers.Required, import.RunAsync, ct))
            .RequireAuthorization(RegistryPolicies.Edit)
            .WithSummary("批量导入执法人员（multipart 字段 file：.xlsx 或 .csv；mode=strict|validOnly，默认 strict）");

        g.MapGet("/export", ([AsParameters] OfficerQuery q, SunlightDbContext db, TimeProvider clock) => Export(db, q, ChinaTime.Today(clock)))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("导出执法人员（与列表相同的筛选条件，.xlsx；每人一行，列出有效期最晚的执法证）");
    }

    internal sealed record Row(string? UnitCode, string? UnitName, string Name, string? Position, bool IsAuxiliary, bool IsActive,
        string? Number, string? Category, DateOnly? ValidFrom, DateOnly? ValidTo, bool Qualified);

    private static IReadOnlyList<XlsxColumn<Row>> Columns =>
    [
        new("单位编码", 12, r => r.UnitCode),
        new("单位名称", 24, r => r.UnitName),
        new("姓名", 10, r => r.Name),
        new("职务", 14, r => r.Position),
        new("辅助人员", 8, r => r.IsAuxiliary),
        new("执法证号", 20, r => r.Number),
        new("执法类别", 16, r => r.Category),
        new("有效期起", 12, r => r.ValidFrom),
        new("有效期止", 12, r => r.ValidTo),
        new("持证状态", 12, r => r.IsAuxiliary ? "辅助人员" : r.Qualified ? "有效" : "无有效执法证"),
    ];

    public static XlsxFile<Row> Export(SunlightDbContext db, OfficerQuery q, DateOnly today) =>
        XlsxExport.File("执法人员名录.xlsx", "执法人员", Columns, OfficerList.Filter(db.Officers.AsNoTracking(), q, today).OrderBy(o => o.Id)
            .Select(o => new
            {
                o.Unit!.Code, UnitName = o.Unit.Name, o.Name, o.Position, o.IsAuxiliary, o.IsActive,
                Latest = o.Credentials.OrderByDescending(c => c.ValidTo).Select(c => new { c.Number, c.Category, c.ValidFrom, c.ValidTo }).FirstOrDefault(),
                Valid = o.Credentials.Any(c => c.ValidFrom <= today && c.ValidTo >= today),
            })
            .AsAsyncEnumerable()
            .Select(o => new Row(o.Code, o.UnitName, o.Name, o.Position, o.IsAuxiliary, o.IsActive, o.Latest?.Number, o.Latest?.Category,
                o.Latest?.ValidFrom, o.Latest?.ValidTo, !o.IsAuxiliary && o.IsActive && o.Valid)));
}
