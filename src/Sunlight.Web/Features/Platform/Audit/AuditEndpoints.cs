using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Audit;

internal static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("审计日志").RequireAuthorization(Policies.ReadAudit);

        g.MapGet("/", async Task<Ok<Page<AuditEntryDto>>> ([AsParameters] AuditQuery q, SunlightDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AuditLog.SearchAsync(db.AuditEntries, q, ct)))
            .WithSummary("审计日志（按实体类型、实体编号、操作人、操作、日期筛选；按序号倒序，键集分页：before=上一页的 nextCursor）");

        g.MapGet("/verify", async Task<Ok<AuditVerifyResponse>> (SunlightDbContext db, RecordNames names, CancellationToken ct) =>
            TypedResults.Ok(await AuditLog.ChainStatusAsync(db, names, ct)))
            .WithSummary("审计哈希链最近一次校验的结果（后台任务增量校验，本请求不校验）：完好至第几条，或第一条断开的记录及原因，及校验时间");
    }
}
