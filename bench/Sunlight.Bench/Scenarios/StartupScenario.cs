using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `startup [--scale 1] [--runs 5]`: cold start of the published app (dotnet Sunlight.Web.dll) on an existing
/// database to the first 200 from GET /healthz, against the same for a one-endpoint ASP.NET Core app published the
/// same way. Runs alternate between the two. Value: median seconds; rssMb: VmRSS once started and settled.
/// </summary>
internal static class StartupScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var scale = options.Int("scale", 1);
        var runs = options.Int("runs", 5);
        var work = options.WorkDirectory("startup");
        var root = BenchOptions.RepositoryRoot();

        // Not timed: publish both apps (Release, framework-dependent, as the README deploys) and generate the data.
        var app = await PublishAsync(Path.Combine(root, "src", "Sunlight.Web", "Sunlight.Web.csproj"), Path.Combine(work, "publish", "Sunlight.Web"));
        var baseline = await PublishAsync(Path.Combine(root, "bench", "Baseline.Minimal", "Baseline.Minimal.csproj"), Path.Combine(work, "publish", "Baseline.Minimal"));
        var database = options.Database("startup", scale);
        Console.WriteLine("  " + await BenchData.GenerateAsync(database, scale));

        var appEnv = database.AppEnvironment();
        // One start that is not counted: the data-protection key and other first-start writes happen here.
        await StartAsync(Path.Combine(app, "Sunlight.Web.dll"), appEnv, ["--no-demo"], "warm-up");

        var appRuns = new List<Start>();
        var baseRuns = new List<Start>();
        for (var i = 0; i < runs; i++)
        {
            appRuns.Add(await StartAsync(Path.Combine(app, "Sunlight.Web.dll"), appEnv, ["--no-demo"], $"Sunlight.Web run {i + 1}"));
            baseRuns.Add(await StartAsync(Path.Combine(baseline, "Baseline.Minimal.dll"), new Dictionary<string, string>(), [], $"Baseline.Minimal run {i + 1}"));
        }

        var appSeconds = Stats.Median(appRuns.Select(r => r.Seconds).ToList());
        var baseSeconds = Stats.Median(baseRuns.Select(r => r.Seconds).ToList());
        var rss = Stats.Median(appRuns.Select(r => r.RssMb).ToList());
        var result = new BenchResult("startup", Stats.Round(appSeconds), "s")
        {
            Baseline = Stats.Round(baseSeconds),
            Provider = database.Provider.ToString(),
            Scale = scale,
            Extra =
            {
                ["rssMb"] = Math.Round(rss, 1),
                ["baselineRssMb"] = Math.Round(Stats.Median(baseRuns.Select(r => r.RssMb).ToList()), 1),
                ["runs"] = runs,
                ["samples"] = appRuns.Select(r => Stats.Round(r.Seconds)).ToArray(),
                ["baselineSamples"] = baseRuns.Select(r => Stats.Round(r.Seconds)).ToArray(),
            },
        };
        Console.WriteLine($"  Sunlight.Web median {Stats.Format(appSeconds)} s (target ≤ 3 s), idle RSS {rss:0} MB (target ≤ 200 MB); " +
                          $"baseline median {Stats.Format(baseSeconds)} s: ratio {result.Ratio}");
        return result;
    }

    private sealed record Start(double Seconds, double RssMb);

    private static async Task<string> PublishAsync(string project, string output)
    {
        Console.WriteLine($"  publishing {Path.GetFileNameWithoutExtension(project)} → {output}");
        var psi = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "q", "-clp:ErrorsOnly"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(psi)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{await stdout}{await stderr}");
        }
        return output;
    }

    /// <summary>Starts `dotnet app.dll` on a free port, times it to the first 200 from /healthz, reads its RSS, stops it.</summary>
    private static async Task<Start> StartAsync(string dll, IReadOnlyDictionary<string, string> env, string[] extraArgs, string label)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", .. extraArgs])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in env)
        {
            psi.Environment[key] = value;
        }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = new Uri($"http://127.0.0.1:{port}/healthz");
        var output = new System.Text.StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || clock.Elapsed > Timeout)
                {
                    throw new InvalidOperationException($"{label}: no 200 from {url} ({(process.HasExited ? $"exited {process.ExitCode}" : "timed out")}):\n{output}");
                }
                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(10);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(Settle);
            var rss = RssMb(process.Id);
            Console.WriteLine($"  {label}: {seconds:0.000} s to first 200, RSS {rss:0.0} MB");
            return new Start(seconds, rss);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no VmRSS for process {pid}");
        var kb = double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
