using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>`verify-audit`: walks the whole chain and prints OK or the first broken entry (exit code 1).</summary>
internal static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var broken = await AuditChain.VerifyAsync(db, CancellationToken.None);
        if (broken is null)
        {
            Console.WriteLine($"OK：审计链完整，共 {db.AuditEntries.Count()} 条记录。");
            return 0;
        }
        var (e, reason) = broken.Value;
        Console.WriteLine($"BROKEN：第 {e.Sequence} 条（Id={e.Id}，{e.EntityType}#{e.EntityId}，{e.Action}，{ChinaTime.Format(e.OccurredAt)}）：{reason}");
        return 1;
    }
}
