namespace Sunlight.Bench.Scenarios;

/// <summary>`generate --scale N [--out DIR] [--provider Postgres --connection "..." [--database bench_x]]`.</summary>
internal static class GenerateCommand
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var scale = options.Int("scale", 1);
        var database = options.Get("out") is { } dir && options.Provider == Web.Infrastructure.Database.DatabaseProvider.Sqlite
            ? BenchDatabase.Sqlite(dir)
            : options.Database("generate", scale);
        Console.WriteLine($"generating scale {scale} into {database.Provider} {database.DatabaseName}");
        var summary = await BenchData.GenerateAsync(database, scale, Console.Out);
        Console.WriteLine(summary);
        return new BenchResult("generate", Stats.Round(summary.Elapsed.TotalSeconds), "s")
        {
            Provider = database.Provider.ToString(),
            Scale = scale,
            Extra =
            {
                ["database"] = database.DatabaseName,
                ["units"] = summary.Units,
                ["officers"] = summary.Officers,
                ["enterprises"] = summary.Enterprises,
                ["rowsPerSecond"] = Math.Round((summary.Units + summary.Officers + summary.Credentials + summary.Enterprises) / summary.Elapsed.TotalSeconds),
            },
        };
    }
}
