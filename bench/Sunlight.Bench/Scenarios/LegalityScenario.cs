using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.RecordMilestone;
using Sunlight.Web.Features.Enforcement.Sweep;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `legality [--cases 500000] [--saves 200] [--reuse]`: the daily legality sweep (`LegalitySweep.RunAsync`, the job's own
/// code, as the job runs it: system scope) over N generated cases with their milestones, officers (with credentials),
/// extensions, reviews and process records, against reading the same rows with plain ADO.NET readers in the same run
/// (the I/O floor). The first sweep after generation opens the warnings (not timed); the timed sweep re-checks every
/// case as the daily job does. `peakMb`: largest working-set growth during the timed sweep (sampled every 10 ms).
/// `saveP95Ms`: one 调查取证 recorded through `RecordCaseMilestone` (load, officer checks, all rules, save with audit).
/// </summary>
internal static class LegalityScenario
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var count = options.Int("cases", 500_000);
        var saves = options.Int("saves", 200);
        var database = options.Database("legality", 1);
        var today = ChinaTime.Today(TimeProvider.System);
        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"legality: generating scale 1 + {count} cases on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, 1));
            await GenerateAsync(database, count, today);
        }
        await using var app = BenchHost.Build(database);

        var first = Stopwatch.StartNew();
        var opened = await SweepAsync(app);
        Console.WriteLine($"  first sweep (opens the warnings, not timed): {opened.Cases} cases, {opened.WarningChanges} warning changes in {first.Elapsed.TotalSeconds:0.0} s");

        var raw = new RawCaseReader(database);
        var rows = 0L;
        var baseline = await TimeAsync(async () => rows = await raw.ReadAllAsync());
        Console.WriteLine($"  ADO.NET read of the same rows: {rows} rows in {Stats.Format(baseline)} s");

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
        SweepResult swept = null!;
        var seconds = await TimeAsync(async () => swept = await SweepAsync(app));
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine($"  timed sweep: {swept.Cases} cases, {swept.WarningChanges} warning changes in {Stats.Format(seconds)} s " +
                          $"(working set +{(peakWs - ws0) / 1048576.0:0} MB, GC heap +{(peakHeap - heap0) / 1048576.0:0} MB)");
        if (swept.Cases != count)
        {
            throw new InvalidOperationException($"the sweep checked {swept.Cases} cases, expected {count}");
        }

        var saveMs = await SavesAsync(app, saves, today);
        var result = new BenchResult("legality", Stats.Round(seconds), "s") { Baseline = Stats.Round(baseline), Provider = database.Provider.ToString() };
        result.Extra["cases"] = count;
        result.Extra["rowsRead"] = rows;
        result.Extra["warnings"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"Warnings\"");
        result.Extra["openWarnings"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"Warnings\" WHERE \"State\" = 'Open'");
        result.Extra["firstSweepSeconds"] = Stats.Round(first.Elapsed.TotalSeconds);
        result.Extra["saveP50Ms"] = Stats.Round(Stats.Median(saveMs));
        result.Extra["saveP95Ms"] = Stats.Round(Stats.Percentile(saveMs, 95));
        result.Extra["peakMb"] = Math.Round((peakWs - ws0) / 1048576.0);
        result.Extra["heapPeakMb"] = Math.Round((peakHeap - heap0) / 1048576.0);
        Console.WriteLine($"  sweep {Stats.Format(seconds)} s vs read {Stats.Format(baseline)} s: ratio {result.Ratio} (targets ≤ 3, ≤ 10 s); " +
                          $"save p95 {result.Extra["saveP95Ms"]} ms (target ≤ 5); peak +{result.Extra["peakMb"]} MB");
        return result;
    }

    private static async Task<SweepResult> SweepAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LegalitySweep>().RunAsync(CancellationToken.None);
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Records a 调查取证 today on cases still under investigation, one request scope each, as the API does.</summary>
    private static async Task<List<double>> SavesAsync(WebApplication app, int saves, DateOnly today)
    {
        List<long> open;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
            open = await db.EnforcementCases.Where(c => c.Stage == MilestoneKind.Investigated || c.Stage == MilestoneKind.Filed)
                .OrderByDescending(c => c.Id).Select(c => c.Id).Take(50).ToListAsync();
        }
        if (open.Count == 0)
        {
            throw new InvalidOperationException("no case under investigation to record a milestone on");
        }
        var samples = new List<double>(saves);
        for (var i = -20; i < saves; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using (var scope = app.Services.CreateScope())
            {
                var record = scope.ServiceProvider.GetRequiredService<RecordCaseMilestone>();
                var outcome = await record.RunAsync(new RecordMilestoneInput(MilestoneKind.Investigated, today, "补充调查取证") { Id = open[(i + 20) % open.Count] }, CancellationToken.None);
                if (outcome.Value is null)
                {
                    throw new InvalidOperationException("recording a milestone failed: " + outcome);
                }
            }
            if (i >= 0)
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return samples;
    }

    /// <summary>
    /// Cases of the county's units over two years (penalties 70 %, coercions 10 %, inspections 10 %, licences 10 %), each
    /// walked through its milestones as far as today allows, with two of its unit's credentialed officers; about one in
    /// twelve breaks a rule (one officer, decision after 90 days, late service, no audio-video). Bulk, not through EF.
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase database, int count, DateOnly today)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var units = await db.Units.AsNoTracking().Where(u => u.RegionCode == BenchData.QueriedRegion && u.Kind == Sunlight.Web.Features.Registry.UnitKind.Enforcement)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.RegionCode }).ToListAsync();
        // Officers whose 执法证 covers the two years of cases (the registry's expired ones make P-OFFICERS fire everywhere).
        var from = today.AddDays(-730);
        var officers = await db.Officers.AsNoTracking().Where(o => !o.IsAuxiliary && o.Credentials.Any(k => k.ValidFrom <= from && k.ValidTo >= today))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.UnitId }).ToListAsync();
        var teams = units.Select(u => officers.Where(o => o.UnitId == u.Id).Select(o => o.Id).ToArray()).Where(t => t.Length > 0).ToArray();
        units = units.Where(u => officers.Any(o => o.UnitId == u.Id)).ToList();
        var firstId = (await db.EnforcementCases.MaxAsync(c => (long?)c.Id) ?? 0) + 1;
        var now = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        var plans = () => Enumerable.Range(0, count).Select(i => new CasePlan(i, firstId + i, today, units[i % units.Count].Id, units[i % units.Count].RegionCode, teams[i % units.Count]));

        var caseTable = BulkTable.For<EnforcementCase>(db, "RegionCode", "UnitId", "Kind", "Number", "Title", "Sector", "PartyKind", "PartyName", "PartyUscc",
            "ItemName", "LegalBasis", "FineAmount", "IsOnTheSpot", "IsHighRisk", "IsSevereSanction", "IsMajor", "HarmsLifeOrProperty", "ViolationOn",
            "PublishedOn", "ActCode", "Stage", "FiledOn", "CreatedAt", "Version");
        var n = await caseTable.LoadAsync(database, plans().Select(p => new object?[]
        {
            p.Region, p.UnitId, p.Kind, "BENCH-" + p.Index.ToString("D7", CultureInfo.InvariantCulture), $"第 {p.Index} 号案件", p.Index % 3 == 0 ? "食品安全" : null,
            PartyKind.Enterprise, $"某某{p.Index % 997}有限公司", "91359901MA" + (p.Index % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            "违法经营", "《中华人民共和国行政处罚法》", p.Fine, false, p.Kind == CaseKind.Coercion, false, p.IsMajor, false, p.Kind == CaseKind.Penalty ? p.Filed.AddDays(-10) : null,
            p.Published, p.Index.ToString("x12", CultureInfo.InvariantCulture) + "bench", p.Milestones[^1].Kind, p.Filed, now, Guid.NewGuid(),
        }));
        Console.WriteLine($"  cases: {n} in {sw.Elapsed.TotalSeconds:0.0} s");
        var loaded = await db.EnforcementCases.CountAsync(c => c.Id >= firstId && c.Id < firstId + count);
        if (loaded != count)
        {
            throw new InvalidOperationException($"expected case ids {firstId}..{firstId + count - 1}, found {loaded}");
        }

        sw.Restart();
        var milestones = BulkTable.For<CaseMilestone>(db, "CaseId", "Kind", "On", "RecordedBy", "RecordedAt");
        n = await milestones.LoadAsync(database, plans().SelectMany(p => p.Milestones.Select(m => new object?[] { p.Id, m.Kind, m.On, "bench", now })));
        Console.WriteLine($"  milestones: {n} in {sw.Elapsed.TotalSeconds:0.0} s");
        sw.Restart();
        var caseOfficers = BulkTable.For<CaseOfficer>(db, "CaseId", "OfficerId");
        n = await caseOfficers.LoadAsync(database, plans().SelectMany(p => p.Officers.Select(o => new object?[] { p.Id, o })));
        Console.WriteLine($"  case officers: {n} in {sw.Elapsed.TotalSeconds:0.0} s");
        sw.Restart();
        var extensions = BulkTable.For<CaseExtension>(db, "CaseId", "Kind", "Days", "Reason", "ApprovedOn");
        n = await extensions.LoadAsync(database, plans().Where(p => p.Extended).Select(p => new object?[] { p.Id, ExtensionKind.Extension, 30, "案情复杂，经负责人批准延长", p.Filed.AddDays(80) }));
        var reviews = BulkTable.For<LegalReview>(db, "CaseId", "ReviewedOn", "Reviewer", "SubjectChecked", "QualificationChecked", "ProcedureChecked", "FactsChecked",
            "BasisChecked", "PowerChecked", "DocumentsChecked", "CrimeTransferChecked", "Outcome");
        n += await reviews.LoadAsync(database, plans().Where(p => p.Reviewed is not null).Select(p => new object?[]
        {
            p.Id, p.Reviewed, "法制审核员", true, true, true, true, true, true, true, true, ReviewOutcome.Approved,
        }));
        var records = BulkTable.For<ProcessRecord>(db, "CaseId", "Milestone", "DocumentKind", "IsAudioVideo", "FileName", "ContentType", "Size", "Sha256", "StoredAt", "StoredBy");
        n += await records.LoadAsync(database, plans().Where(p => p.Kind == CaseKind.Coercion && p.Index % 5 != 0).Select(p => new object?[]
        {
            p.Id, MilestoneKind.Investigated, "音像记录", true, "现场执法记录.mp4", "video/mp4", 50_000_000L, p.Index.ToString("x64", CultureInfo.InvariantCulture), now, "bench",
        }));
        Console.WriteLine($"  extensions, reviews, process records: {n} in {sw.Elapsed.TotalSeconds:0.0} s");
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>One generated case, derived from its index alone (so each table's rows can be generated in a separate pass).</summary>
    private sealed class CasePlan
    {
        public CasePlan(int i, long id, DateOnly today, long unitId, string region, long[] team)
        {
            Index = i;
            Id = id;
            UnitId = unitId;
            Region = region;
            Kind = (i % 10) switch { < 7 => CaseKind.Penalty, 7 => CaseKind.Coercion, 8 => CaseKind.Inspection, _ => CaseKind.Licensing };
            Filed = today.AddDays(-(int)((long)i * 7919 % 730));
            IsMajor = Kind == CaseKind.Penalty && i % 50 == 1;
            Fine = Kind != CaseKind.Penalty ? null : IsMajor ? 150_000m : 500m * (1 + (i % 19));
            // One case in 33 has a single officer (P-OFFICERS); the team otherwise is two of the unit's credentialed officers.
            Officers = i % 33 == 0 ? [team[i % team.Length]] : [team[i % team.Length], team[(i + 1) % team.Length]];
            var late = i % 20 == 3;
            Extended = i % 40 == 3;
            var plan = new List<(MilestoneKind, int)> { (MilestoneKind.Filed, 0), (MilestoneKind.Investigated, 3) };
            switch (Kind)
            {
                case CaseKind.Penalty:
                    plan.Add((MilestoneKind.Notified, 20));
                    if (IsMajor)
                    {
                        plan.Add((MilestoneKind.LegalReviewRequested, 28));
                        plan.Add((MilestoneKind.LegalReview, 30));
                    }
                    plan.Add((MilestoneKind.Decided, late ? 95 : 35));
                    plan.Add((MilestoneKind.Served, i % 25 == 7 ? (late ? 110 : 50) : (late ? 96 : 37)));
                    plan.Add((MilestoneKind.Closed, 120));
                    break;
                case CaseKind.Inspection:
                    plan.Add((MilestoneKind.Closed, 5));
                    break;
                default:
                    plan.Add((MilestoneKind.Decided, 10));
                    plan.Add((MilestoneKind.Served, 11));
                    break;
            }
            Milestones = plan.Select(p => (Kind: p.Item1, On: Filed.AddDays(p.Item2))).Where(m => m.On <= today).ToList();
            Reviewed = IsMajor && Filed.AddDays(30) <= today ? Filed.AddDays(30) : null;
            var decided = Milestones.Where(m => m.Kind == MilestoneKind.Decided).Select(m => (DateOnly?)m.On).FirstOrDefault();
            Published = decided is { } d && (Kind != CaseKind.Penalty || i % 30 != 11) && d.AddDays(2) <= today ? d.AddDays(2) : null;
        }

        public int Index { get; }
        public long Id { get; }
        public long UnitId { get; }
        public string Region { get; }
        public CaseKind Kind { get; }
        public DateOnly Filed { get; }
        public bool IsMajor { get; }
        public decimal? Fine { get; }
        public long[] Officers { get; }
        public bool Extended { get; }
        public List<(MilestoneKind Kind, DateOnly On)> Milestones { get; }
        public DateOnly? Reviewed { get; }
        public DateOnly? Published { get; }
    }
}

/// <summary>The rows the sweep reads, read with plain ADO.NET: every column of each table, streamed in key order.</summary>
internal sealed class RawCaseReader(BenchDatabase database)
{
    private static readonly string[] Statements =
    [
        """SELECT * FROM "EnforcementCases" ORDER BY "Id" """,
        """SELECT * FROM "CaseMilestones" ORDER BY "CaseId" """,
        """SELECT co.*, o.*, k.* FROM "CaseOfficers" co JOIN "Officers" o ON o."Id" = co."OfficerId" LEFT JOIN "Credentials" k ON k."OfficerId" = o."Id" ORDER BY co."CaseId" """,
        """SELECT * FROM "CaseExtensions" ORDER BY "CaseId" """,
        """SELECT * FROM "LegalReviews" ORDER BY "CaseId" """,
        """SELECT * FROM "ProcessRecords" ORDER BY "CaseId" """,
        """SELECT * FROM "Warnings" ORDER BY "CaseId" """,
    ];

    private DbConnection Connection() => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    public async Task<long> ReadAllAsync()
    {
        long rows = 0;
        await using var conn = Connection();
        await conn.OpenAsync();
        foreach (var sql in Statements)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = Connection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
