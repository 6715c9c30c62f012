using System.Collections.Concurrent;

namespace Sunlight.Web.Features.Platform.Auth;

/// <summary>
/// Failed sign-ins per client address, checked before any account is touched: after
/// <c>Sunlight:Login:ClientFailures</c> (10) failures within 15 minutes the client is refused (A-THROTTLED, 429 with
/// Retry-After) until the window ends. The per-account lock needs twice that many failures
/// (<see cref="Infrastructure.Identity.IdentitySetup"/>: 20), so one client can no longer lock someone else's account
/// for free; it takes several addresses, and the owner is told in their inbox when it happens.
/// In memory: a restart forgets it, which only gives a guesser a fresh 10 tries against a 20-try account lock.
/// </summary>
internal sealed class LoginThrottle(TimeProvider clock, IConfiguration config)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly int _limit = config.GetValue("Sunlight:Login:ClientFailures", 10);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Start)> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (_failures.TryGetValue(client, out var f) && f.Count >= _limit)
        {
            var left = f.Start + Window - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                return left;
            }
            _failures.TryRemove(client, out _);
        }
        return null;
    }

    public void Failed(string client)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(client, _ => (1, now), (_, f) => f.Start + Window <= now ? (1, now) : (f.Count + 1, f.Start));
        if (_failures.Count > 100_000)
        {
            foreach (var (key, value) in _failures.Where(kv => kv.Value.Start + Window <= now).ToList())
            {
                _failures.TryRemove(key, out _);
            }
        }
    }
}
