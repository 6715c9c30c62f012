using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `intake [--connections 64] [--seconds 10]`: anonymous public complaint submissions (POST /api/v1/public/complaints)
/// against a plain endpoint of the same app (GET /bench/plain, a constant string) in the same run, with the same load
/// generator and the same connections. Value: intake requests/s; baseline: plain requests/s; `p99Ms` of intake;
/// `lost` = 201 answers whose complaint is not in the database afterwards (must be 0: a 201 means it is on disk).
/// </summary>
internal static class IntakeScenario
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var connections = options.Int("connections", 64);
        var seconds = options.Int("seconds", 10);
        var database = options.Database("intake", 1);
        Console.WriteLine($"intake: generating scale 1 on {database.Provider} ({database.DatabaseName}), not timed");
        Console.WriteLine("  " + await BenchData.GenerateAsync(database, 1));

        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunlight:Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Sunlight"] = database.ConnectionString,
            ["Sunlight:DataDirectory"] = database.DataDirectory,
            ["Sunlight:AdminPassword"] = BenchData.AdminPassword,
            ["Sunlight:Jobs:Enabled"] = "false",
            // One load generator is one client address: the per-client abuse brake would measure itself.
            ["Sunlight:RateLimits:PublicIntakePerMinute"] = "100000000",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSunlight(builder.Configuration);
        await using var app = builder.Build();
        app.UseSunlight();
        app.MapGet("/bench/plain", () => Results.Text("ok")).AllowAnonymous();
        await app.StartAsync();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var seq = 0;
        async Task<(bool Ok, string? Code)> Plain()
        {
            using var r = await http.GetAsync("/bench/plain");
            return (r.StatusCode == HttpStatusCode.OK, null);
        }
        async Task<(bool Ok, string? Code)> Intake()
        {
            var n = Interlocked.Increment(ref seq);
            using var r = await http.PostAsJsonAsync("/api/v1/public/complaints", new
            {
                category = n % 2 == 0 ? "profit-driven" : "multiple-inspections",
                description = $"压测投诉 {n}：执法人员多次上门检查，每次都要求当场缴纳罚款。",
                anonymous = n % 3 == 0,
                reporterName = n % 3 == 0 ? null : "压测用户",
                reporterPhone = n % 3 == 0 ? null : "13800000000",
            });
            if (r.StatusCode != HttpStatusCode.Created)
            {
                return (false, null);
            }
            return (true, (await r.Content.ReadFromJsonAsync<IntakeResponse>())!.TrackingCode);
        }

        await LoadAsync(Plain, connections, 2); // warm-up
        await LoadAsync(Intake, connections, 2);
        var plain = await LoadAsync(Plain, connections, seconds);
        var intake = await LoadAsync(Intake, connections, seconds);

        var codes = intake.Codes.ToList();
        var found = 0;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            foreach (var chunk in codes.Chunk(500))
            {
                found += await db.Set<Complaint>().IgnoreQueryFilters().CountAsync(c => chunk.Contains(c.TrackingCode));
            }
        }
        await app.StopAsync();

        var result = new BenchResult("intake", Stats.Round(intake.Rps), "req/s")
        {
            Baseline = Stats.Round(plain.Rps),
            Provider = database.Provider.ToString(),
            Scale = 1,
        };
        result.Extra["p99Ms"] = Stats.Round(Stats.Percentile(intake.Latencies, 99));
        result.Extra["p50Ms"] = Stats.Round(Stats.Median(intake.Latencies));
        result.Extra["plainP99Ms"] = Stats.Round(Stats.Percentile(plain.Latencies, 99));
        result.Extra["created"] = codes.Count;
        result.Extra["failed"] = intake.Failed;
        result.Extra["lost"] = codes.Count - found;
        result.Extra["connections"] = connections;
        result.Extra["seconds"] = seconds;
        Console.WriteLine($"  plain {Stats.Format(plain.Rps)} req/s, intake {Stats.Format(intake.Rps)} req/s, ratio {result.Ratio} (target ≥ 0.2); intake p99 {result.Extra["p99Ms"]} ms (target ≤ 50); lost {result.Extra["lost"]} (target 0)");
        return result;
    }

    private sealed record Load(double Rps, List<double> Latencies, ConcurrentBag<string> Codes, int Failed);

    /// <summary>`connections` workers, each sending one request after another for the given time.</summary>
    private static async Task<Load> LoadAsync(Func<Task<(bool Ok, string? Code)>> send, int connections, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        var codes = new ConcurrentBag<string>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < until)
            {
                var start = Stopwatch.GetTimestamp();
                var (ok, code) = await send();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
                else if (code is not null)
                {
                    codes.Add(code);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        return new Load(latencies.Count / elapsed, latencies.ToList(), codes, failed);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
