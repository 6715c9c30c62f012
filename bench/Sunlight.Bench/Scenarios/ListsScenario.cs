using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `lists [--complaints 1000000] [--problems 100000] [--audit 10000000] [--iterations 200] [--deep-page 200] [--reuse]`:
/// the complaint board, the problem list and the audit view, first page and a deep keyset page, through the app's own
/// query code (ComplaintQueries.ListAsync, ProblemList.PageAsync, AuditLog.SearchAsync with a county supervisor's scope)
/// against the same page in hand-written SQL. Value: the worst EF p95 in ms; baseline: that list's raw SQL p95.
/// </summary>
internal static class ListsScenario
{
    private const int Limit = 50;

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var complaints = options.Int("complaints", 1_000_000);
        var problems = options.Int("problems", 100_000);
        var audit = options.Int("audit", 10_000_000);
        var iterations = options.Int("iterations", 200);
        var deepPage = options.Int("deep-page", 200);
        var database = options.Database("lists", 2);
        var region = BenchData.QueriedRegion;

        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"lists: generating on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, 2));
            await GenerateAsync(database, complaints, problems, audit);
        }

        await using var app = BenchHost.Build(database, RegistryListScenario.SupervisorOf(region));
        var raw = new RawLists(database);
        var today = ChinaTime.Today(TimeProvider.System);

        // Cursors a user holds after paging `deepPage` pages down each list (found once, not timed).
        var complaintCursor = await raw.ScalarAsync($"SELECT \"Id\" FROM \"Complaints\" WHERE \"RegionCode\" = '{region}' ORDER BY \"Id\" DESC LIMIT 1 OFFSET {(deepPage * Limit) - 1}");
        var problemCursor = await raw.ScalarAsync($"SELECT \"Id\" FROM \"Problems\" WHERE \"RegionCode\" = '{region}' ORDER BY \"Id\" DESC LIMIT 1 OFFSET {(deepPage * Limit) - 1}");
        var auditCursor = await raw.ScalarAsync($"SELECT \"Sequence\" FROM \"AuditEntries\" ORDER BY \"Sequence\" DESC LIMIT 1 OFFSET {(deepPage * Limit) - 1}");
        Console.WriteLine($"  deep page = page {deepPage + 1}: complaints after id {complaintCursor}, problems after id {problemCursor}, audit before sequence {auditCursor}");

        var cases = new (string Name, Func<Task<List<long>>> Ef, Func<Task<List<long>>> Raw)[]
        {
            ("complaints-first", () => Scoped(app, async s => (await s.GetRequiredService<ComplaintQueries>().ListAsync(new ComplaintFilter(), default)).Items.Select(i => i.Id).ToList()),
                () => raw.ComplaintsAsync(region, null)),
            ("complaints-deep", () => Scoped(app, async s => (await s.GetRequiredService<ComplaintQueries>().ListAsync(new ComplaintFilter(After: complaintCursor), default)).Items.Select(i => i.Id).ToList()),
                () => raw.ComplaintsAsync(region, complaintCursor)),
            ("problems-first", () => Scoped(app, async s => (await ProblemList.PageAsync(s.GetRequiredService<SunlightDbContext>(), new ProblemFilter(), null, Limit, today, default)).Items.Select(i => i.Id).ToList()),
                () => raw.ProblemsAsync(region, null)),
            ("problems-deep", () => Scoped(app, async s => (await ProblemList.PageAsync(s.GetRequiredService<SunlightDbContext>(), new ProblemFilter(), problemCursor, Limit, today, default)).Items.Select(i => i.Id).ToList()),
                () => raw.ProblemsAsync(region, problemCursor)),
            ("audit-first", () => Scoped(app, async s => (await AuditLog.SearchAsync(s.GetRequiredService<SunlightDbContext>().AuditEntries, new AuditQuery(null, null, null, null, null, null, null, Limit), default)).Items.Select(i => i.Id).ToList()),
                () => raw.AuditAsync(null)),
            ("audit-deep", () => Scoped(app, async s => (await AuditLog.SearchAsync(s.GetRequiredService<SunlightDbContext>().AuditEntries, new AuditQuery(null, null, null, null, null, null, auditCursor, Limit), default)).Items.Select(i => i.Id).ToList()),
                () => raw.AuditAsync(auditCursor)),
        };

        foreach (var (name, ef, sql) in cases)
        {
            var a = await ef();
            var b = await sql();
            if (!a.SequenceEqual(b.Take(Limit)))
            {
                throw new InvalidOperationException($"EF and raw SQL disagree on {name} ({a.Count} vs {b.Count} rows)");
            }
            Console.WriteLine($"  {name}: {a.Count} rows, EF and raw SQL agree");
        }

        var samples = cases.ToDictionary(c => c.Name, _ => (Ef: new List<double>(), Raw: new List<double>()));
        var warmup = options.Int("warmup", Math.Max(50, iterations / 3));
        for (var i = -warmup; i < iterations; i++)
        {
            foreach (var (name, ef, sql) in cases)
            {
                var efFirst = i % 2 == 0;
                var x = await TimeAsync(efFirst ? ef : sql);
                var y = await TimeAsync(efFirst ? sql : ef);
                if (i >= 0)
                {
                    samples[name].Ef.Add(efFirst ? x : y);
                    samples[name].Raw.Add(efFirst ? y : x);
                }
            }
        }

        var worst = samples.MaxBy(s => Stats.Percentile(s.Value.Ef, 95));
        var result = new BenchResult("lists", Stats.Round(Stats.Percentile(worst.Value.Ef, 95)), "ms")
        {
            Baseline = Stats.Round(Stats.Percentile(worst.Value.Raw, 95)),
            Provider = database.Provider.ToString(),
        };
        foreach (var (name, (efMs, rawMs)) in samples)
        {
            var efP95 = Stats.Percentile(efMs, 95);
            var rawP95 = Stats.Percentile(rawMs, 95);
            Console.WriteLine($"  {name}: EF p50 {Stats.Format(Stats.Median(efMs))} p95 {Stats.Format(efP95)} ms | raw p50 {Stats.Format(Stats.Median(rawMs))} p95 {Stats.Format(rawP95)} ms | ratio p95 {Stats.Round(efP95 / rawP95)}");
            result.Extra[name] = new
            {
                efP50 = Stats.Round(Stats.Median(efMs)), efP95 = Stats.Round(efP95),
                rawP50 = Stats.Round(Stats.Median(rawMs)), rawP95 = Stats.Round(rawP95), ratio = Stats.Round(efP95 / rawP95),
            };
        }
        result.Extra["worst"] = worst.Key;
        result.Extra["maxRatio"] = samples.Values.Max(s => Stats.Round(Stats.Percentile(s.Ef, 95) / Stats.Percentile(s.Raw, 95)));
        result.Extra["complaints"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"Complaints\"");
        result.Extra["problems"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"Problems\"");
        result.Extra["audit"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"AuditEntries\"");
        result.Extra["iterations"] = iterations;
        Console.WriteLine($"  worst list {worst.Key}: EF p95 {Stats.Format(result.Value)} ms vs raw p95 {Stats.Format(result.Baseline!.Value)} ms, ratio {result.Ratio} (targets ≤ 1.5, ≤ 50 ms)");
        return result;
    }

    private static async Task<List<long>> Scoped(WebApplication app, Func<IServiceProvider, Task<List<long>>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider);
    }

    private static async Task<double> TimeAsync(Func<Task<List<long>>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Complaints (90 % in the queried county), problems on its units, audit entries: bulk, not through EF.</summary>
    internal static async Task GenerateAsync(BenchDatabase database, int complaintCount, int problemCount, int auditCount)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var other = BenchData.CountyOf(1).Region;
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.RegionCode }).ToListAsync();
        var unitsOf = units.GroupBy(u => u.RegionCode).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToArray());
        var categories = await db.Set<ComplaintCategory>().Select(c => c.Id).ToListAsync();
        if (categories.Count == 0)
        {
            db.Add(new ComplaintCategory { Code = "bench", Name = "其他", SortOrder = 1 });
            await db.SaveWithoutAuditAsync(default);
            categories = await db.Set<ComplaintCategory>().Select(c => c.Id).ToListAsync();
        }
        var start = DateTimeOffset.UtcNow.AddDays(-720);
        var words = "占道经营 噪音扰民 油烟污染 违规停车 食品安全 无证经营 执法态度 乱收费 拖延办理 证照问题 施工扬尘 价格欺诈".Split(' ');
        var channels = Enum.GetValues<ComplaintChannel>();
        var states = Enum.GetValues<ComplaintState>();
        var sw = Stopwatch.StartNew();

        var complaintRows = Enumerable.Range(0, complaintCount).Select(i =>
        {
            var county = i % 10 == 9 ? other : BenchData.QueriedRegion;
            var at = start.AddSeconds(i * (720.0 * 86400 / Math.Max(1, complaintCount)));
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            var unitIds = unitsOf[county];
            return new object?[]
            {
                county, "BT" + i.ToString("D12", CultureInfo.InvariantCulture), "bench", "bench-" + i.ToString(CultureInfo.InvariantCulture),
                channels[i % channels.Length], categories[i % categories.Count], unitIds[i % unitIds.Length], i % 3 == 0 ? $"某某{words[i % words.Length]}有限公司" : null,
                $"{words[i % words.Length]}：群众反映第 {i} 号问题，地点位于某街道某社区，持续时间较长，请尽快处理并回复。", false,
                states[i % states.Length], at, day.AddDays(7), false, false, 0, ExtensionState.None, false, 0, 0, false, Guid.NewGuid(), at, 0, 0,
            };
        });
        var complaintTable = BulkTable.For<Complaint>(db, "RegionCode", "TrackingCode", "PinHash", "Open311Token", "Channel", "CategoryId",
            "ComplainedUnitId", "EnterpriseName", "Description", "IsAnonymous", "State", "ReceivedAt", "AcceptDueDate", "AcceptDueUncertain",
            "ResolveDueUncertain", "ReturnCount", "Extension", "ProblemRaised", "ReplyRound", "RatedRound", "Reopened", "Version",
            "LastChangedAt", "PausedWorkingDays", "PinFailures");
        Console.WriteLine($"  complaints: {await complaintTable.LoadAsync(database, complaintRows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        var sources = Enum.GetValues<ProblemSource>();
        var severities = Enum.GetValues<ProblemSeverity>();
        var problemStates = Enum.GetValues<ProblemState>();
        var problemRows = Enumerable.Range(0, problemCount).Select(i =>
        {
            var county = i % 10 == 9 ? other : BenchData.QueriedRegion;
            var unitIds = unitsOf[county];
            var day = DateOnly.FromDateTime(start.AddMinutes(i * (720.0 * 1440 / Math.Max(1, problemCount))).UtcDateTime);
            return new object?[]
            {
                county, unitIds[i % unitIds.Length], "WT" + i.ToString("D10", CultureInfo.InvariantCulture), sources[i % sources.Length],
                words[i % words.Length], severities[i % severities.Length], $"检查发现{words[i % words.Length]}问题（第 {i} 条），需限期整改。",
                day, "督查组", day, day.AddDays(10), problemStates[i % problemStates.Length], false, 0, 0, Guid.NewGuid(), 0,
            };
        });
        var problemTable = BulkTable.For<Problem>(db, "RegionCode", "UnitId", "Number", "Source", "Category", "Severity", "Description",
            "FoundOn", "FoundBy", "RaisedOn", "PlanDueOn", "State", "DeadlineUncertain", "RejectionCount", "ReopenCount", "Version", "PausedWorkingDays");
        Console.WriteLine($"  problems: {await problemTable.LoadAsync(database, problemRows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        var firstSequence = (await db.AuditEntries.MaxAsync(a => (long?)a.Sequence) ?? 0) + 1;
        var types = new[] { "Complaint", "Problem", "Enterprise", "Officer", "ProblemProgress" };
        var actions = new[] { "Create", "Update", "StateChange" };
        // Not a valid chain (no hashing for 10M rows): the list does not read hashes, and bench data is not people's edits.
        const string fakeHash = "bench00000000000000000000000000000000000000000000000000000000000";
        var auditRows = Enumerable.Range(0, auditCount).Select(i => new object?[]
        {
            firstSequence + i, start.AddMilliseconds(i * (720.0 * 86_400_000 / Math.Max(1, auditCount))), i % 7 == 0 ? "system" : "user" + (i % 50).ToString(CultureInfo.InvariantCulture),
            types[i % types.Length], (i / 3).ToString(CultureInfo.InvariantCulture), actions[i % actions.Length],
            i % 3 == 0 ? null : "{\"State\":\"Received\"}", "{\"State\":\"Accepted\",\"Phone\":\"13800000000\"}", fakeHash, fakeHash,
        });
        var auditTable = BulkTable.For<AuditEntry>(db, "Sequence", "OccurredAt", "Actor", "EntityType", "EntityId", "Action", "Before", "After", "PreviousHash", "Hash");
        Console.WriteLine($"  audit entries: {await auditTable.LoadAsync(database, auditRows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  analyze: {sw.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>The same pages in SQL as a person would write them (one statement each, unit and category names joined).</summary>
internal sealed class RawLists(BenchDatabase database)
{
    private const int Take = 51;

    private DbConnection Connection() => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = Connection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public Task<List<long>> ComplaintsAsync(string region, long? after) => ReadAsync(
        """
        SELECT c."Id", c."TrackingCode", c."State", c."Channel", k."Name", c."ComplainedUnitId", cu."Name", c."AssignedUnitId", au."Name",
               c."EnterpriseName", substr(c."Description", 1, 80), c."ReceivedAt", c."AcceptDueDate", c."ResolveDueDate"
        FROM "Complaints" c
        JOIN "ComplaintCategories" k ON k."Id" = c."CategoryId"
        LEFT JOIN "Units" cu ON cu."Id" = c."ComplainedUnitId"
        LEFT JOIN "Units" au ON au."Id" = c."AssignedUnitId"
        WHERE c."RegionCode" = @region
        """ + (after is null ? "" : " AND c.\"Id\" < @cursor") + """

        ORDER BY c."Id" DESC LIMIT @take
        """, region, after);

    public Task<List<long>> ProblemsAsync(string region, long? before) => ReadAsync(
        """
        SELECT p.*, u."Name"
        FROM "Problems" p JOIN "Units" u ON u."Id" = p."UnitId"
        WHERE p."RegionCode" = @region
        """ + (before is null ? "" : " AND p.\"Id\" < @cursor") + """

        ORDER BY p."Id" DESC LIMIT @take
        """, region, before);

    public Task<List<long>> AuditAsync(long? before) => ReadAsync(
        """SELECT * FROM "AuditEntries" """ + (before is null ? "" : """WHERE "Sequence" < @cursor """) + """ORDER BY "Sequence" DESC LIMIT @take""",
        null, before);

    private async Task<List<long>> ReadAsync(string sql, string? region, long? cursor)
    {
        await using var conn = Connection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@region", region);
        Add(cmd, "@cursor", cursor);
        Add(cmd, "@take", Take);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<long>(Take);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        if (value is null || !cmd.CommandText.Contains(name, StringComparison.Ordinal))
        {
            return;
        }
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
