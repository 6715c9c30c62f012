using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Platform;

/// <summary>The demo county where a test names the client address of a request (header X-Test-Client).</summary>
public sealed class ManyClientsApp() : SunlightFactory(
    TestDatabases.CreateSeededAsync($"mc{Environment.ProcessId}_{Guid.NewGuid():N}"[..24]).GetAwaiter().GetResult(),
    Path.Combine(TestDatabases.Root, "data-" + Guid.NewGuid().ToString("N")))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressFilter>();
            s.AddSingleton<CountingHasher>();
            s.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingHasher>());
        });
    }

    /// <summary>Identity's own PBKDF2 hasher, counting how many hashes it verifies.</summary>
    internal sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Client", out var ip))
                {
                    ctx.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue #9, defect 4: login timing does not tell which names exist; one client cannot lock an account (it is
/// throttled first, A-THROTTLED); an account locked by many failures tells its owner in the inbox.
/// </summary>
public sealed class LoginThrottleTests(ManyClientsApp app) : IClassFixture<ManyClientsApp>
{
    private HttpClient From(string ip)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Client", ip);
        return client;
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    /// <summary>
    /// The defence is that an unknown name does the same PBKDF2 verification as a wrong password. That is checked by
    /// counting verifications, not by timing requests: wall-clock medians on a shared two-core machine are noise, and a
    /// timing assertion is a flaky test (performance is measured in bench/, not asserted).
    /// </summary>
    [Fact]
    public async Task AnUnknownName_CostsTheSamePasswordVerification_AsAWrongPassword()
    {
        var hasher = app.Services.GetRequiredService<ManyClientsApp.CountingHasher>();
        using var client = From("10.0.1.1");

        var before = hasher.Verifications;
        await HttpAssert.Problem(await Login(client, "unit18", "wrong-passw0rd"), HttpStatusCode.Unauthorized);
        var known = hasher.Verifications - before;

        before = hasher.Verifications;
        await HttpAssert.Problem(await Login(client, "no.such.user", "wrong-passw0rd"), HttpStatusCode.Unauthorized);
        var unknown = hasher.Verifications - before;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task TenFailuresFromOneClient_ThrottleThatClient_WithoutLockingTheAccount()
    {
        using var attacker = From("10.0.2.1");
        for (var i = 0; i < 10; i++)
        {
            await HttpAssert.Problem(await Login(attacker, "unit19", "wrong-passw0rd"), HttpStatusCode.Unauthorized);
        }
        var throttled = await Login(attacker, "unit19", SunlightFactory.Password);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 900);
        Assert.Equal("A-THROTTLED", (await HttpAssert.Problem(throttled, HttpStatusCode.TooManyRequests)).GetProperty("rule").GetString());

        using var owner = From("10.0.2.2");
        Assert.Equal(HttpStatusCode.OK, (await Login(owner, "unit19", SunlightFactory.Password)).StatusCode);
        Assert.Null(await app.Db(db => db.Users.Where(u => u.UserName == "unit19").Select(u => u.LockoutEnd).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await Login(attacker, "unit19", SunlightFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task TwentyFailuresFromSeveralClients_LockTheAccount_AndTheOwnerIsToldInTheInbox()
    {
        for (var i = 0; i < 20; i++)
        {
            using var client = From($"10.0.3.{i / 5 + 1}");
            await Login(client, "unit20", "wrong-passw0rd");
        }
        using var owner = From("10.0.3.99");
        var locked = await HttpAssert.Problem(await Login(owner, "unit20", SunlightFactory.Password), HttpStatusCode.Unauthorized);
        Assert.Equal("A-LOCKED", locked.GetProperty("rule").GetString());
        var userId = await app.Db(db => db.Users.Where(u => u.UserName == "unit20").Select(u => u.Id).SingleAsync());
        var notices = await app.Db(db => db.Set<Notification>().IgnoreQueryFilters().Where(n => n.UserId == userId).Select(n => n.Title).ToListAsync());
        Assert.Equal(["您的账号因登录失败过多已被锁定"], notices);
    }
}
