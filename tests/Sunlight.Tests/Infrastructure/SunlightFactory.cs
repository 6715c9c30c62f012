using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database (SQLite file or PostgreSQL), with a fake clock.
/// Use as a class fixture: <c>IClassFixture&lt;SunlightApp&gt;</c>; each test class gets its own seeded database.
/// </summary>
public class SunlightFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-passw0rd";

    /// <summary>2026-11-25 09:00 China time: a Wednesday, a working day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new(StringComparer.Ordinal);

    /// <summary>No test host watches files through inotify: a suite starts dozens of hosts, and each watcher (appsettings,
    /// the content and web roots) takes one of the user's inotify instances (128 by default); when they run out, a host's
    /// first page request fails with a 500. Configuration is not reloaded, and any other watcher polls.</summary>
    static SunlightFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    public SunlightFactory(string connectionString, string dataDirectory)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>
    /// Starts the app and warms it up before the first test (Razor views, EF model, Identity, antiforgery): on a busy
    /// machine those first requests are slow, and no test should pay for them under its own time budget.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.Timeout = Timeout.InfiniteTimeSpan;
        await client.GetAsync("/");
        await client.GetAsync("/Account/Login");
    }

    /// <summary>Extra configuration a test class needs (e.g. a lower rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sunlight:Database:Provider", TestDatabases.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Sunlight", ConnectionString);
        builder.UseSetting("Sunlight:DataDirectory", DataDirectory);
        builder.UseSetting("Sunlight:AdminPassword", Password);
        builder.UseSetting("Sunlight:RateLimits:LoginPerMinute", "10000");
        builder.UseSetting("Sunlight:RateLimits:PublicIntakePerMinute", "10000");
        builder.UseSetting("Sunlight:RateLimits:PublicLookupPerMinute", "10000");
        // Tests run jobs explicitly (with the fake clock); the background runner stays off.
        builder.UseSetting("Sunlight:Jobs:Enabled", "false");
        // Only errors reach the console: on a failed run the test platform prints the whole captured output, and a
        // hundred hosts' startup lines would bury the failure.
        foreach (var category in (string[])["Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Hosting.Lifetime"])
        {
            builder.UseSetting("Logging:LogLevel:" + category, "Error");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client carrying a Bearer token for a demo account (all share <see cref="Password"/>).</summary>
    public async Task<HttpClient> ClientFor(string userName)
    {
        // Tokens live 8 hours on the app's clock; a test that moves the clock gets a fresh one.
        if (!_tokens.TryGetValue(userName, out var cached) || Clock.GetUtcNow() - cached.IssuedAt > TimeSpan.FromHours(7))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
            response.EnsureSuccessStatusCode();
            cached = ((await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken, Clock.GetUtcNow());
            _tokens[userName] = cached;
        }
        var token = cached.Token;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> against the database with no scope filter, to check what was really stored.</summary>
    internal async Task<T> Db<T>(Func<SunlightDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        return await work(db);
    }

    /// <summary>A context as seen by one user, for service-level tests.</summary>
    internal async Task<T> DbAs<T>(string userName, Func<SunlightDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>();
        var user = await users.UserManager.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await users.CreateUserPrincipalAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<SunlightDbContext>().GetType();
        var db = (SunlightDbContext)ActivatorUtilities.CreateInstance(scope.ServiceProvider, options, CallerScope.From(principal));
        return await work(db);
    }

    private sealed record TokenBody(string AccessToken);
}

/// <summary>The usual fixture: a fresh copy of the seeded demo county for one test class.</summary>
public sealed class SunlightApp() : SunlightFactory(
    TestDatabases.CreateSeededAsync(NewName()).GetAwaiter().GetResult(),
    Path.Combine(TestDatabases.Root, "data-" + Guid.NewGuid().ToString("N")))
{
    private static int _counter;

    private static string NewName() => $"c{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
}
