using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `intake [--connections 64] [--seconds 10]`: anonymous public complaint submissions (POST /api/v1/public/complaints)
/// against a plain endpoint of the same app (GET /bench/plain, a constant string) in the same run, with the same load
/// generator and the same connections. Value: intake requests/s; baseline: plain requests/s; `p99Ms` of intake;
/// `lost` = 201 answers whose complaint is not in the database afterwards (must be 0: a 201 means it is on disk);
/// `durableLimit` = the same rows group-committed directly at the same durability and concurrency (no request path),
/// `ratioToDurableLimit` = intake / durableLimit.
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
        var limit = await DurableLimitAsync(app.Services, connections, seconds);

        var codes = intake.Codes.ToList();
        var found = await StoredAsync(app.Services, codes);
        var limitCodes = limit.Codes.ToList();
        var limitFound = await StoredAsync(app.Services, limitCodes);
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
        // The durable limit: the same rows (complaint, timeline line, chained audit entry) written by the same prepared
        // inserts in group commits of up to 256, at the same durability and concurrency, without the request path.
        result.Extra["durableLimit"] = Stats.Round(limit.Rps);
        result.Extra["ratioToDurableLimit"] = Stats.Round(limit.Rps == 0 ? 0 : intake.Rps / limit.Rps);
        result.Extra["durableLimitP99Ms"] = Stats.Round(Stats.Percentile(limit.Latencies, 99));
        result.Extra["durableLimitLost"] = limitCodes.Count - limitFound;
        result.Extra["connections"] = connections;
        result.Extra["seconds"] = seconds;
        Console.WriteLine($"  plain {Stats.Format(plain.Rps)} req/s, intake {Stats.Format(intake.Rps)} req/s, ratio {result.Ratio} (target ≥ 0.2); intake p99 {result.Extra["p99Ms"]} ms (target ≤ 50); lost {result.Extra["lost"]} (target 0); durable limit {Stats.Format(limit.Rps)} rows/s, ratioToDurableLimit {result.Extra["ratioToDurableLimit"]} (target ≥ 0.8)");
        return result;
    }

    private static async Task<int> StoredAsync(IServiceProvider services, List<string> codes)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var found = 0;
        foreach (var chunk in codes.Chunk(500))
        {
            found += await db.Set<Complaint>().IgnoreQueryFilters().CountAsync(c => chunk.Contains(c.TrackingCode));
        }
        return found;
    }

    /// <summary>
    /// `connections` workers each hand one new complaint (with its timeline line) to a single writer and wait until it
    /// is committed; the writer takes what has queued (up to 256) and commits it durably with its audit entries
    /// (<see cref="IntakeWriter.CommitRowsAsync"/>): the throughput the disk allows, with no HTTP, JSON, validation or PIN hashing.
    /// </summary>
    private static async Task<Load> DurableLimitAsync(IServiceProvider services, int connections, int seconds)
    {
        long categoryId;
        string region;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            categoryId = await db.Set<ComplaintCategory>().IgnoreQueryFilters().Where(c => c.Code == "profit-driven").Select(c => c.Id).FirstAsync();
            region = await db.Set<Complaint>().IgnoreQueryFilters().Select(c => c.RegionCode).FirstAsync();
        }
        var queue = Channel.CreateUnbounded<(Complaint Row, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleReader = true });
        var writer = Task.Run(async () =>
        {
            var batch = new List<(Complaint Row, TaskCompletionSource Done)>(256);
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < 256 && queue.Reader.TryRead(out var p))
                {
                    batch.Add(p);
                }
                try
                {
                    using var scope = services.CreateScope();
                    await using var db = IntakeWriter.PublicContext(scope.ServiceProvider);
                    await IntakeWriter.CommitRowsAsync(db, batch.Select(b => b.Row).ToList(), DateTimeOffset.UtcNow);
                    batch.ForEach(b => b.Done.TrySetResult());
                }
                catch (Exception e)
                {
                    batch.ForEach(b => b.Done.TrySetException(e));
                }
            }
        });
        var n = 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        async Task<(bool Ok, string? Code)> Write()
        {
            var i = Interlocked.Increment(ref n);
            var now = DateTimeOffset.UtcNow;
            var c = new Complaint
            {
                RegionCode = region, TrackingCode = $"DL{i:D12}", PinHash = "durable-limit", Open311Token = Guid.NewGuid().ToString("N"),
                Channel = ComplaintChannel.WebForm, CategoryId = categoryId, Description = $"压测投诉 {i}：执法人员多次上门检查，每次都要求当场缴纳罚款。",
                IsAnonymous = true, ReceivedAt = now, LastChangedAt = now, AcceptDueDate = today.AddDays(7),
            };
            c.Events.Add(new ComplaintEvent { At = now, Actor = "投诉人", Kind = "收到投诉", IsPublic = true, Text = "通过网上投诉收到投诉。" });
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Writer.TryWrite((c, done));
            try
            {
                await done.Task;
                return (true, c.TrackingCode);
            }
            catch (Exception)
            {
                return (false, null);
            }
        }
        await LoadAsync(Write, connections, 2); // warm-up
        var load = await LoadAsync(Write, connections, seconds);
        queue.Writer.Complete();
        await writer;
        return load;
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
