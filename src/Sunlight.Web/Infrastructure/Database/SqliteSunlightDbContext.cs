using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Infrastructure.Database;

internal sealed class SqliteSunlightDbContext(DbContextOptions<SqliteSunlightDbContext> options, CallerScope? scope = null, TimeProvider? clock = null)
    : SunlightDbContext(options, scope, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or sort DateTimeOffset or decimal natively; store them in sortable forms.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    // SQLite transactions begin IMMEDIATE, so the write lock is already held: appends are serialised.
    internal override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;
}
