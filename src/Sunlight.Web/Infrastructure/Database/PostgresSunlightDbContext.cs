using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Infrastructure.Database;

internal sealed class PostgresSunlightDbContext(DbContextOptions<PostgresSunlightDbContext> options, CallerScope? scope = null, TimeProvider? clock = null)
    : SunlightDbContext(options, scope, clock)
{
    private const long AuditChainLockKey = 0x5375_6E4C_6967_6874; // "SunLight"

    internal override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);
}
