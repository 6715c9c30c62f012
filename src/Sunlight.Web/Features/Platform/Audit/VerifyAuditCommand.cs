using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Audit;

/// <summary>
/// `verify-audit [--full]`: verifies the chain from the last checkpoint forward (with --full from the first entry), stores
/// the result as the background job does, and prints OK or the first broken entry (exit code 1).
/// </summary>
internal static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, bool full = false)
    {
        using var scope = services.CreateScope();
        var c = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().RunAsync(full, CancellationToken.None);
        if (c.Intact)
        {
            Console.WriteLine($"OK：审计链完整，已校验至第 {c.VerifiedSequence} 条（{(full ? "从第 1 条起全量校验" : "自上次校验点起增量校验")}）。");
            return 0;
        }
        var e = await scope.ServiceProvider.GetRequiredService<SunlightDbContext>().AuditEntries.FindAsync(c.BrokenEntryId);
        Console.WriteLine($"BROKEN：第 {c.BrokenSequence} 条（Id={c.BrokenEntryId}，{e?.EntityType}#{e?.EntityId}，{e?.Action}，{(e is null ? "" : ChinaTime.Format(e.OccurredAt))}）：{c.Reason}");
        return 1;
    }
}
