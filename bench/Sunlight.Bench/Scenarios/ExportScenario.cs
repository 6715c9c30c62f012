using System.Data.Common;
using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;
using SpreadCheetah;
using SpreadCheetah.Worksheets;
using Sunlight.Web;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Export;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `export [--rows 100000] [--reuse]`: the county's complaints to .xlsx through the app's export path (the DI-resolved
/// ExportComplaints with a county supervisor's scope: the list's query, its projection, XlsxExport's streamed sheet
/// written as the endpoint writes it, to a file) against the same rows read with a plain DbDataReader (one hand-written
/// SELECT, names joined) and written by the bare streaming writer (SpreadCheetah, same 11 columns and widths) in the same
/// run. Value: app seconds; baseline: bare seconds; `peakMb`: the largest working-set growth over the value just before
/// the app's export (sampled every 10 ms); `baselinePeakMb` the same for the bare path.
/// </summary>
internal static class ExportScenario
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var rows = options.Int("rows", 100_000);
        var database = options.Database("export", 2);
        var region = BenchData.QueriedRegion;
        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"export: generating on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, 2));
            // One complaint in ten goes to the other county: ~rows land in the queried one.
            await ListsScenario.GenerateAsync(database, (int)Math.Ceiling(rows / 0.9), 0, 0);
        }
        await using var app = BenchHost.Build(database, RegistryListScenario.SupervisorOf(region));
        var dir = options.WorkDirectory("export");
        var (appFile, bareFile) = (Path.Combine(dir, "complaints-app.xlsx"), Path.Combine(dir, "complaints-bare.xlsx"));

        // Warm-up (not timed): EF's model and query cache, the JIT of both paths, on the last few days' rows.
        await AppExportAsync(app, appFile, new ComplaintFilter(Since: ChinaTime.Today(TimeProvider.System).AddDays(-5)));
        await BareExportAsync(database, bareFile, region, 500);

        var appRuns = new List<(double Seconds, double Peak)>();
        var bareRuns = new List<(double Seconds, double Peak)>();
        var runs = options.Int("runs", 5);
        for (var i = 0; i < runs; i++)
        {
            // Alternate which goes first: the machine is shared and noisy.
            if (i % 2 == 0)
            {
                appRuns.Add(await MeasureAsync(() => AppExportAsync(app, appFile, new ComplaintFilter())));
                bareRuns.Add(await MeasureAsync(() => BareExportAsync(database, bareFile, region, int.MaxValue)));
            }
            else
            {
                bareRuns.Add(await MeasureAsync(() => BareExportAsync(database, bareFile, region, int.MaxValue)));
                appRuns.Add(await MeasureAsync(() => AppExportAsync(app, appFile, new ComplaintFilter())));
            }
            Console.WriteLine($"  run {i + 1}: app {Stats.Format(appRuns[^1].Seconds)} s (+{appRuns[^1].Peak:0} MB), bare {Stats.Format(bareRuns[^1].Seconds)} s (+{bareRuns[^1].Peak:0} MB)");
        }
        var (appRows, bareRows) = (CountRows(appFile), CountRows(bareFile));
        if (appRows != bareRows)
        {
            throw new InvalidOperationException($"the app exported {appRows} rows, the bare path {bareRows}");
        }
        var value = Stats.Median(appRuns.Select(r => r.Seconds).ToList());
        var baseline = Stats.Median(bareRuns.Select(r => r.Seconds).ToList());
        var result = new BenchResult("export", Stats.Round(value), "s") { Baseline = Stats.Round(baseline), Provider = database.Provider.ToString() };
        result.Extra["rows"] = appRows;
        result.Extra["peakMb"] = Math.Round(appRuns.Max(r => r.Peak));
        result.Extra["baselinePeakMb"] = Math.Round(bareRuns.Max(r => r.Peak));
        result.Extra["fileMb"] = Math.Round(new FileInfo(appFile).Length / 1048576.0, 1);
        result.Extra["runs"] = runs;
        Console.WriteLine($"  {appRows} rows: app {Stats.Format(value)} s vs bare {Stats.Format(baseline)} s (medians), ratio {result.Ratio} (targets ≤ 1.5, ≤ 5 s, peak ≤ 200 MB: +{result.Extra["peakMb"]} MB)");
        return result;
    }

    /// <summary>What GET /api/v1/complaints/export does: a request scope, ExportComplaints, the streamed result executed on a response body.</summary>
    private static async Task AppExportAsync(WebApplication app, string path, ComplaintFilter filter)
    {
        using var scope = app.Services.CreateScope();
        await using var file = File.Create(path);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = file;
        var result = await scope.ServiceProvider.GetRequiredService<ExportComplaints>().RunAsync(filter, CancellationToken.None);
        await result.ExecuteAsync(http);
    }

    /// <summary>The least an export can do: one SELECT read with a DbDataReader, each row written by SpreadCheetah.</summary>
    private static async Task BareExportAsync(BenchDatabase database, string path, string region, int limit)
    {
        await using var conn = database.Provider == DatabaseProvider.Postgres
            ? (DbConnection)new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT c."TrackingCode", c."ReceivedAt", c."Channel", k."Name", cu."Name", c."EnterpriseName", au."Name", c."State",
                   c."AcceptDueDate", c."ResolveDueDate", substr(c."Description", 1, 200)
            FROM "Complaints" c
            JOIN "ComplaintCategories" k ON k."Id" = c."CategoryId"
            LEFT JOIN "Units" cu ON cu."Id" = c."ComplainedUnitId"
            LEFT JOIN "Units" au ON au."Id" = c."AssignedUnitId"
            WHERE c."RegionCode" = @region
            ORDER BY c."Id" DESC
            LIMIT @limit
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "region";
        p.Value = region;
        cmd.Parameters.Add(p);
        var l = cmd.CreateParameter();
        l.ParameterName = "limit";
        l.Value = limit;
        cmd.Parameters.Add(l);
        await using var reader = await cmd.ExecuteReaderAsync();
        await using var file = File.Create(path);
        await using var sheet = await Spreadsheet.CreateNewAsync(file);
        var widths = new[] { 16, 18, 14, 14, 24, 24, 24, 12, 12, 10, 50 };
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < widths.Length; i++)
        {
            options.Column(i + 1).Width = widths[i];
        }
        await sheet.StartWorksheetAsync("投诉举报", options);
        await sheet.AddHeaderRowAsync(["查询码", "收到时间", "渠道", "类别", "被投诉单位", "涉及企业", "办理单位", "状态", "期限", "是否逾期", "内容摘要"]);
        var today = ChinaTime.Today(TimeProvider.System);
        var cells = new DataCell[11];
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        while (await reader.ReadAsync())
        {
            var state = Enum.Parse<ComplaintState>(reader.GetString(7));
            var due = ComplaintQueries.DueDate(state, reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9));
            cells[0] = new DataCell(reader.GetString(0));
            // SQLite holds instants as EF's DateTimeOffsetToBinaryConverter writes them (a long); PostgreSQL as timestamptz.
            var received = sqlite ? FromBinary.ConvertFromProvider(reader.GetInt64(1)) as DateTimeOffset? ?? default : reader.GetFieldValue<DateTimeOffset>(1);
            cells[1] = new DataCell(ChinaTime.Format(received));
            cells[2] = new DataCell(ComplaintText.Channel(Enum.Parse<ComplaintChannel>(reader.GetString(2))));
            cells[3] = new DataCell(reader.GetString(3));
            cells[4] = new DataCell(reader.IsDBNull(4) ? null : reader.GetString(4));
            cells[5] = new DataCell(reader.IsDBNull(5) ? null : reader.GetString(5));
            cells[6] = new DataCell(reader.IsDBNull(6) ? null : reader.GetString(6));
            cells[7] = new DataCell(ComplaintText.State(state));
            cells[8] = new DataCell(due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            cells[9] = new DataCell(due is { } d && today > d ? "是" : "否");
            cells[10] = new DataCell(reader.GetString(10));
            await sheet.AddRowAsync(cells);
        }
        await sheet.FinishAsync();
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter FromBinary = new();

    private static async Task<(double Seconds, double PeakMb)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var ws0 = Environment.WorkingSet;
        var peak = ws0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await run();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return (seconds, (Math.Max(peak, Environment.WorkingSet) - ws0) / 1048576.0);
    }

    /// <summary>Data rows in the file, read with the OpenXml SDK's forward-only reader (the header row not counted).</summary>
    private static int CountRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        using var reader = OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.First());
        var count = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Row) && reader.IsStartElement)
            {
                count++;
            }
        }
        return count - 1;
    }
}
