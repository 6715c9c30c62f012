using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using Npgsql;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `import [--rows 100000]`: a county's market-entity registry as one .xlsx and one .csv through the app's import path
/// (ImportPipeline.RunAsync with ImportEnterprises, strict mode, a county supervisor's scope, the file opened from disk as
/// a kept upload is) against the same rows written by a bare ADO.NET insert (prepared, batched where the provider
/// batches, one transaction, no audit) in the same run. Value: .xlsx import seconds; baseline: bare insert seconds;
/// `peakMb`: the largest growth of the process working set over its value just before an import (sampled every 10 ms).
/// </summary>
internal static class ImportScenario
{
    private static readonly string[] Columns = ImportEnterprises.Columns;

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var count = options.Int("rows", 100_000);
        var database = options.Database("import", 1);
        Console.WriteLine($"import: generating scale 1 on {database.Provider} ({database.DatabaseName}), not timed");
        Console.WriteLine("  " + await BenchData.GenerateAsync(database, 1));
        await using var app = BenchHost.Build(database, RegistryListScenario.SupervisorOf(BenchData.QueriedRegion));

        var rows = Rows(count);
        var dir = options.WorkDirectory("import");
        var (xlsx, csv) = await WriteFilesAsync(dir, "enterprises", rows);
        // The same file with one bad row at the end: strict mode reads and checks every row, then writes nothing.
        var (xlsxBad, csvBad) = await WriteFilesAsync(dir, "enterprises-bad", [.. rows, [rows[0][0], "重复企业", null, null, null, null]]);
        var (xlsxMb, csvMb) = (new FileInfo(xlsx).Length / 1048576.0, new FileInfo(csv).Length / 1048576.0);
        Console.WriteLine($"  {count} rows: {xlsx} {xlsxMb:0.0} MB, {csv} {csvMb:0.0} MB (limit {ImportSheet.MaxBytes / 1048576} MB)");

        // Each run starts from the same registry: the rows a run added are deleted before the next (not timed).
        var firstNew = await MaxIdAsync(database) + 1;
        var bare = await TimeAsync(() => BareInsertAsync(database, rows));
        Console.WriteLine($"  bare insert: {Stats.Format(bare)} s");
        await DeleteFromAsync(database, firstNew);

        firstNew = await MaxIdAsync(database) + 1;
        var (xlsxSeconds, xlsxPeak) = await ImportAsync(app, xlsx, count);
        Console.WriteLine($"  import .xlsx: {Stats.Format(xlsxSeconds)} s, working set +{xlsxPeak.Ws:0} MB, GC heap +{xlsxPeak.Heap:0} MB");
        await DeleteFromAsync(database, firstNew);
        var (csvSeconds, csvPeak) = await ImportAsync(app, csv, count);
        Console.WriteLine($"  import .csv: {Stats.Format(csvSeconds)} s, working set +{csvPeak.Ws:0} MB, GC heap +{csvPeak.Heap:0} MB");
        await DeleteFromAsync(database, firstNew);
        var (xlsxCheck, _) = await ImportAsync(app, xlsxBad, 0);
        var (csvCheck, _) = await ImportAsync(app, csvBad, 0);
        Console.WriteLine($"  check pass alone (strict, last row bad, nothing written): .xlsx {Stats.Format(xlsxCheck)} s, .csv {Stats.Format(csvCheck)} s " +
                          $"→ write pass ≈ {Stats.Format(xlsxSeconds - xlsxCheck)} / {Stats.Format(csvSeconds - csvCheck)} s (rows + audit entries) vs bare {Stats.Format(bare)} s");

        var result = new BenchResult("import", Stats.Round(xlsxSeconds), "s")
        {
            Baseline = Stats.Round(bare),
            Provider = database.Provider.ToString(),
        };
        result.Extra["rows"] = count;
        result.Extra["csvSeconds"] = Stats.Round(csvSeconds);
        result.Extra["csvRatio"] = Stats.Round(csvSeconds / bare);
        result.Extra["xlsxCheckSeconds"] = Stats.Round(xlsxCheck);
        result.Extra["csvCheckSeconds"] = Stats.Round(csvCheck);
        result.Extra["peakMb"] = Math.Round(Math.Max(xlsxPeak.Ws, csvPeak.Ws));
        result.Extra["heapPeakMb"] = Math.Round(Math.Max(xlsxPeak.Heap, csvPeak.Heap));
        result.Extra["xlsxMb"] = Math.Round(xlsxMb, 1);
        result.Extra["csvMb"] = Math.Round(csvMb, 1);
        Console.WriteLine($"  .xlsx {Stats.Format(xlsxSeconds)} s vs bare {Stats.Format(bare)} s: ratio {result.Ratio} (target ≤ 2); .csv ratio {Stats.Round(csvSeconds / bare)}; peak +{result.Extra["peakMb"]} MB (target ≤ 200)");
        return result;
    }

    private static async Task<(string Xlsx, string Csv)> WriteFilesAsync(string dir, string name, List<string?[]> rows)
    {
        var (xlsx, csv) = (Path.Combine(dir, name + ".xlsx"), Path.Combine(dir, name + ".csv"));
        await using (var file = File.Create(xlsx))
        {
            await file.SaveAsAsync(rows.Select(r => (IDictionary<string, object?>)Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => (object?)x.Item2)), excelType: ExcelType.XLSX);
        }
        await File.WriteAllLinesAsync(csv, [string.Join(',', Columns), .. rows.Select(r => string.Join(',', r))], new UTF8Encoding(false));
        return (xlsx, csv);
    }

    /// <summary>Valid, unique USCCs (type 92: not the 91 of the generated registry), names and addresses like a real registry's.</summary>
    private static List<string?[]> Rows(int count)
    {
        var random = new Random(20261130);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<string?[]>(count);
        string[] words = ["食品", "建材", "机械", "五金", "电子", "农业", "茶业", "商贸", "物流", "餐饮管理"];
        while (rows.Count < count)
        {
            var uscc = DemoSeeder.MakeUscc(random, "92", BenchData.QueriedRegion);
            if (!seen.Add(uscc))
            {
                continue;
            }
            var n = rows.Count;
            var industry = BenchData.IndustryWeights[random.Next(BenchData.IndustryWeights.Length)].Industry;
            rows.Add([uscc, $"青禾县{DemoSeeder.Person(random)}{words[n % words.Length]}经营部{n}", $"青禾县城关镇{random.Next(1, 60)}路 {random.Next(1, 999)} 号",
                industry, DemoSeeder.Person(random), $"1{random.Next(300000000, 999999999)}{random.Next(0, 9)}"]);
        }
        return rows;
    }

    private static async Task<(double Seconds, (double Ws, double Heap) Peak)> ImportAsync(WebApplication app, string path, int expected)
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportEnterprises>();
        var upload = new ImportUpload(() => File.OpenRead(path), Path.GetExtension(path));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (ws0, heap0) = (Environment.WorkingSet, GC.GetTotalMemory(false));
        var (peakWs, peakHeap) = (ws0, heap0);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakWs = Math.Max(peakWs, Environment.WorkingSet);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var result = await ImportPipeline.RunAsync(upload, ImportEnterprises.Required, import.RunAsync, ImportMode.Strict, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        if (result.Imported != expected || (expected == 0 && result.Errors.Count != 1))
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)}: imported {result.Imported} of {expected}: {string.Join("; ", result.Errors.Take(5))}");
        }
        return (seconds, ((peakWs - ws0) / 1048576.0, (peakHeap - heap0) / 1048576.0));
    }

    /// <summary>The least the database must do: the same rows, one prepared INSERT, one transaction, no audit.</summary>
    private static async Task BareInsertAsync(BenchDatabase database, List<string?[]> rows)
    {
        const string sql = """
            INSERT INTO "Enterprises" ("RegionCode", "Uscc", "Name", "Address", "Industry", "LegalRepresentative", "Phone", "Version")
            VALUES (@region, @p0, @p1, @p2, @p3, @p4, @p5, @version)
            """;
        var postgres = database.Provider == DatabaseProvider.Postgres;
        await using var conn = Connection(database);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        object Version() => postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();
        void Bind(DbParameterCollection parameters, Func<DbParameter> create, string?[] r)
        {
            DbParameter P(string name, object? value)
            {
                var p = create();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                return p;
            }
            parameters.Add(P("@region", BenchData.QueriedRegion));
            for (var i = 0; i < r.Length; i++)
            {
                parameters.Add(P("@p" + i.ToString(CultureInfo.InvariantCulture), r[i]));
            }
            parameters.Add(P("@version", Version()));
        }
        if (conn.CanCreateBatch)
        {
            // PostgreSQL: a round trip per 2,000 rows, as the import's writer sends them.
            foreach (var chunk in rows.Chunk(2000))
            {
                await using var batch = conn.CreateBatch();
                batch.Transaction = tx;
                foreach (var r in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    Bind(command.Parameters, command.CreateParameter, r);
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync();
            }
        }
        else
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            Bind(cmd.Parameters, cmd.CreateParameter, new string?[6]);
            await cmd.PrepareAsync();
            foreach (var r in rows)
            {
                for (var i = 0; i < r.Length; i++)
                {
                    cmd.Parameters[i + 1].Value = r[i] ?? (object)DBNull.Value;
                }
                cmd.Parameters[7].Value = Version();
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    private static DbConnection Connection(BenchDatabase database) =>
        database.Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    private static async Task<long> MaxIdAsync(BenchDatabase database)
    {
        await using var conn = Connection(database);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "Enterprises" """;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task DeleteFromAsync(BenchDatabase database, long firstId)
    {
        await using var conn = Connection(database);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""DELETE FROM "Enterprises" WHERE "Id" >= {firstId.ToString(CultureInfo.InvariantCulture)}""";
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalSeconds;
    }
}
