using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311.Integrations;

/// <summary>
/// A registered Open311 client (an aggregator such as a FixMyStreet install): identified by its <c>api_key</c>, of which
/// only the SHA-256 is kept, with its own rate limit. Without a key (or with an unknown or disabled one) a client is
/// limited like the public form, per address.
/// </summary>
internal sealed class Open311Integration : IAuditable, IVersioned
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    [AuditSecret]
    public string KeyHash { get; set; } = "";
    /// <summary>The key's first characters, so an Admin can tell keys apart without holding them.</summary>
    public string KeyHint { get; set; } = "";
    public int RequestsPerMinute { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string NewKey() => "o311_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}

internal sealed class Open311IntegrationConfiguration : IEntityTypeConfiguration<Open311Integration>
{
    public const int NameLength = 100, MaxPerMinute = 10_000;

    public void Configure(EntityTypeBuilder<Open311Integration> b)
    {
        b.ToTable("Open311Integrations");
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.KeyHint).HasMaxLength(12);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>The registered keys, read at most every 30 seconds (and at once after an Admin's change) for the rate limiter.</summary>
internal sealed class Open311IntegrationKeys(IServiceScopeFactory scopes, TimeProvider clock)
{
    internal sealed record Entry(long Id, int PerMinute);

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(FrozenDictionary<string, Entry> ByHash, DateTimeOffset At);

    public void Invalidate() => _snapshot = null;

    /// <summary>The enabled integration holding <paramref name="apiKey"/>, or null.</summary>
    public Entry? Find(string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200)
        {
            return null;
        }
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.At > Fresh)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            snapshot = new Snapshot(db.Set<Open311Integration>().AsNoTracking().Where(i => i.Enabled)
                .Select(i => new { i.KeyHash, i.Id, i.RequestsPerMinute }).ToList()
                .ToFrozenDictionary(i => i.KeyHash, i => new Entry(i.Id, i.RequestsPerMinute)), clock.GetUtcNow());
            _snapshot = snapshot;
        }
        return snapshot.ByHash.GetValueOrDefault(Open311Integration.Hash(apiKey));
    }
}

/// <summary>
/// One policy for every Open311 route: a registered integration (by <c>api_key</c>, in the query or the POST form) gets
/// its own partition and limit; anyone else is limited per address like the public form (POST) or tracking (GET).
/// </summary>
internal static class Open311RateLimits
{
    public const string Policy = "open311";

    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddSingleton<Open311IntegrationKeys>();
        services.AddScoped<SaveIntegration>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, http =>
        {
            var integration = http.RequestServices.GetRequiredService<Open311IntegrationKeys>().Find(ApiKey(http.Request));
            if (integration is not null)
            {
                return RateLimitPartition.GetFixedWindowLimiter($"open311:{integration.Id}:{integration.PerMinute}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = integration.PerMinute, Window = TimeSpan.FromMinutes(1) });
            }
            var post = HttpMethods.IsPost(http.Request.Method);
            var config = http.RequestServices.GetRequiredService<IConfiguration>();
            var limit = post ? config.GetValue("Sunlight:RateLimits:PublicIntakePerMinute", 10) : config.GetValue("Sunlight:RateLimits:PublicLookupPerMinute", 60);
            return RateLimitPartition.GetFixedWindowLimiter($"open311:{http.Connection.RemoteIpAddress}:{(post ? "post" : "get")}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
        }));
        return services;
    }

    /// <summary>FixMyStreet sends <c>api_key</c> in the query of a GET and in the form of a POST.</summary>
    private static string? ApiKey(HttpRequest request)
    {
        if (request.Query.TryGetValue("api_key", out var q) && !string.IsNullOrWhiteSpace(q))
        {
            return q.ToString();
        }
        // The rate limiter's partition is chosen synchronously; the form is buffered once and read again by the endpoint.
        return HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form.TryGetValue("api_key", out var f) ? f.ToString() : null;
    }
}
