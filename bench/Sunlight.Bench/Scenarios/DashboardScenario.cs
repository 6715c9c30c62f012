using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Insights.Summary;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `dashboard [--scale 10] [--province] [--complaints 3000] [--problems 600] [--inspections 600] [--iterations 40] [--reuse]`:
/// the Supervisor's summary (<see cref="InsightsSummary.BuildAsync"/>, every figure of every capability, in a county
/// supervisor's scope, or with <c>--province</c> a supervisor of no county: all counties) against the same figures in
/// one hand-written SQL statement on the same database, warm, interleaved. Value: the summary's p95 ms; baseline: the
/// SQL's p95 ms. Rows per county are the options given (complaints, problems, inspections), bulk-loaded.
/// </summary>
internal static class DashboardScenario
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var scale = options.Int("scale", 10);
        var province = options.Get("province") is not null;
        var iterations = options.Int("iterations", 40);
        var database = options.Database("dashboard", scale);
        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"dashboard: generating on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, scale));
            await GenerateAsync(database, options.Int("complaints", 3000), options.Int("problems", 600), options.Int("inspections", 600));
        }
        var region = province ? null : BenchData.QueriedRegion;
        var claims = new List<Claim> { new(ClaimTypes.Name, "supervisor"), new(ClaimTypes.Role, Roles.Supervisor) };
        if (region is not null)
        {
            claims.Add(new Claim(SunlightClaims.Region, region));
        }
        await using var app = BenchHost.Build(database, CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "bench"))));
        var today = ChinaTime.Today(TimeProvider.System);
        var raw = new RawSummary(database, region, today);
        Console.WriteLine("  raw SQL:\n" + raw.Sql);

        async Task<Dictionary<string, int>> Ef()
        {
            using var scope = app.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<InsightsSummary>().BuildAsync(new SummaryQuery(), default);
            return result.Value!.Figures.ToDictionary(f => f.Key, f => f.Value);
        }

        var ef = await Ef();
        var sql = await raw.ReadAsync();
        foreach (var (key, value) in sql)
        {
            if (ef.GetValueOrDefault(key, -1) != value)
            {
                throw new InvalidOperationException($"summary and raw SQL disagree on {key}: {ef.GetValueOrDefault(key, -1)} vs {value}");
            }
        }
        Console.WriteLine("  figures (EF = raw SQL): " + string.Join(", ", sql.Select(kv => $"{kv.Key} {kv.Value}")));

        var efMs = new List<double>();
        var rawMs = new List<double>();
        var warmup = options.Int("warmup", Math.Max(10, iterations / 4));
        for (var i = -warmup; i < iterations; i++)
        {
            var efFirst = i % 2 == 0;
            var x = await TimeAsync(efFirst ? Ef : raw.ReadAsync);
            var y = await TimeAsync(efFirst ? raw.ReadAsync : Ef);
            if (i >= 0)
            {
                efMs.Add(efFirst ? x : y);
                rawMs.Add(efFirst ? y : x);
            }
        }
        var result = new BenchResult("dashboard", Stats.Round(Stats.Percentile(efMs, 95)), "ms")
        {
            Baseline = Stats.Round(Stats.Percentile(rawMs, 95)),
            Provider = database.Provider.ToString(),
            Scale = scale,
        };
        result.Extra["scope"] = province ? "province" : "county";
        result.Extra["p50Ms"] = Stats.Round(Stats.Median(efMs));
        result.Extra["baselineP50Ms"] = Stats.Round(Stats.Median(rawMs));
        result.Extra["figures"] = ef.Count;
        result.Extra["complaints"] = sql["complaints-received"];
        result.Extra["problems"] = sql["problems"];
        result.Extra["inspections"] = sql["inspections"];
        result.Extra["iterations"] = iterations;
        Console.WriteLine($"  summary p50 {Stats.Format(Stats.Median(efMs))} p95 {Stats.Format(result.Value)} ms | raw SQL p50 {Stats.Format(Stats.Median(rawMs))} p95 {Stats.Format(result.Baseline!.Value)} ms | ratio {result.Ratio} (targets ≤ 1.5, ≤ 50 ms for one county)");
        return result;
    }

    private static async Task<double> TimeAsync(Func<Task<Dictionary<string, int>>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Per county: complaints over the last 360 days in every state (closed ones replied and rated), problems, inspections.</summary>
    private static async Task GenerateAsync(BenchDatabase database, int complaintsPerCounty, int problemsPerCounty, int inspectionsPerCounty)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.RegionCode }).ToListAsync();
        var unitsOf = units.GroupBy(u => u.RegionCode).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToArray());
        var enterprisesOf = (await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.RegionCode }).ToListAsync())
            .GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var regions = unitsOf.Keys.Where(enterprisesOf.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        var categories = await db.Set<ComplaintCategory>().Select(c => c.Id).ToListAsync();
        if (categories.Count == 0)
        {
            db.Add(new ComplaintCategory { Code = "bench", Name = "其他", SortOrder = 1 });
            await db.SaveWithoutAuditAsync(default);
            categories = await db.Set<ComplaintCategory>().Select(c => c.Id).ToListAsync();
        }
        var now = DateTimeOffset.UtcNow;
        var states = Enum.GetValues<ComplaintState>();
        var sw = Stopwatch.StartNew();
        var complaints = regions.SelectMany(region => Enumerable.Range(0, complaintsPerCounty).Select(i =>
        {
            var at = now.AddMinutes(-(i * 360.0 * 1440 / complaintsPerCounty) - 60);
            var unit = unitsOf[region][i % unitsOf[region].Length];
            var state = states[i % states.Length];
            var closed = state == ComplaintState.Closed;
            var due = DateOnly.FromDateTime(at.UtcDateTime).AddDays(15);
            return new object?[]
            {
                region, $"BD{region}{i:D8}", "bench", $"bench-{region}-{i}", Enum.GetValues<ComplaintChannel>()[0], categories[i % categories.Count], unit, unit,
                $"群众反映第 {i} 号问题，请尽快处理并回复。", false, state, at, at, DateOnly.FromDateTime(at.UtcDateTime).AddDays(7), false, false, 0,
                ExtensionState.None, false, 0, 0, false, 0, 0, Guid.NewGuid(), due,
                closed ? at.AddDays(i % 25) : null, closed ? i % 4 != 0 : null,
            };
        }));
        var complaintTable = BulkTable.For<Complaint>(db, "RegionCode", "TrackingCode", "PinHash", "Open311Token", "Channel", "CategoryId", "ComplainedUnitId",
            "AssignedUnitId", "Description", "IsAnonymous", "State", "ReceivedAt", "LastChangedAt", "AcceptDueDate", "AcceptDueUncertain", "ResolveDueUncertain",
            "ReturnCount", "Extension", "ProblemRaised", "ReplyRound", "RatedRound", "Reopened", "PinFailures", "PausedWorkingDays", "Version", "ResolveDueDate",
            "RepliedAt", "Satisfied");
        Console.WriteLine($"  complaints: {await complaintTable.LoadAsync(database, complaints)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        var categoriesOfProblems = new[] { "三项制度落实", "执法程序", "法律适用", "执法能力", "作风问题" };
        var problemStates = Enum.GetValues<ProblemState>();
        var sources = Enum.GetValues<ProblemSource>();
        var problems = regions.SelectMany(region => Enumerable.Range(0, problemsPerCounty).Select(i =>
        {
            var day = DateOnly.FromDateTime(now.AddDays(-(i * 360.0 / problemsPerCounty)).UtcDateTime);
            return new object?[]
            {
                region, unitsOf[region][i % unitsOf[region].Length], $"WD{region}{i:D6}", sources[i % sources.Length], categoriesOfProblems[i % categoriesOfProblems.Length],
                Enum.GetValues<ProblemSeverity>()[0], $"检查发现问题（第 {i} 条），需限期整改。", day, "督查组", day, day.AddDays(10), problemStates[i % problemStates.Length], day.AddDays(30),
                false, 0, 0, 0, Guid.NewGuid(),
            };
        }));
        var problemTable = BulkTable.For<Problem>(db, "RegionCode", "UnitId", "Number", "Source", "Category", "Severity", "Description", "FoundOn", "FoundBy",
            "RaisedOn", "PlanDueOn", "State", "Deadline", "DeadlineUncertain", "RejectionCount", "ReopenCount", "PausedWorkingDays", "Version");
        Console.WriteLine($"  problems: {await problemTable.LoadAsync(database, problems)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        var types = Enum.GetValues<InspectionType>();
        var inspections = regions.SelectMany(region => Enumerable.Range(0, inspectionsPerCounty).Select(i =>
        {
            var enterprises = enterprisesOf[region];
            return new object?[]
            {
                region, unitsOf[region][i % unitsOf[region].Length], enterprises[(i * 7) % Math.Min(enterprises.Length, 150)], types[i % types.Length], "日常监督检查",
                InspectionMode.OnSite, DateOnly.FromDateTime(now.AddDays(-(i * 360.0 / inspectionsPerCounty)).UtcDateTime), new List<long> { 1 }, new List<long> { 1, 2 },
                InspectionState.Done, now, "bench", false, false, new List<string>(), Guid.NewGuid(),
            };
        }));
        var inspectionTable = BulkTable.For<Inspection>(db, "RegionCode", "UnitId", "EnterpriseId", "Type", "Purpose", "Mode", "VisitDate", "ItemIds", "OfficerIds",
            "State", "RegisteredAt", "RegisteredBy", "IsBackfill", "ApprovedAfterVisit", "Warnings", "Version");
        Console.WriteLine($"  inspections: {await inspectionTable.LoadAsync(database, inspections)} in {sw.Elapsed.TotalSeconds:0.0} s");
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }
}

/// <summary>The summary's figures as a person would write them: one statement of scalar subqueries.</summary>
internal sealed class RawSummary
{
    private readonly BenchDatabase _database;
    private readonly string? _region;
    private readonly DateOnly _today;

    public RawSummary(BenchDatabase database, string? region, DateOnly today)
    {
        _database = database;
        _region = region;
        _today = today;
        var pg = database.Provider == DatabaseProvider.Postgres;
        string R(string alias) => region is null ? "1=1" : $"{alias}.\"RegionCode\" = @region";
        var onTime = pg ? "(c.\"RepliedAt\" AT TIME ZONE 'Asia/Shanghai')::date <= c.\"ResolveDueDate\"" : "date(((c.\"RepliedAt\" >> 11) * 1000 / 10000000) - 62135596800, 'unixepoch', '+8 hours') <= c.\"ResolveDueDate\"";
        var window = pg ? "a.\"VisitDate\" + 30" : "date(a.\"VisitDate\", '+30 days')";
        var figures = new (string Key, string Sql)[]
        {
            ("complaints-received", $"SELECT COUNT(*) FROM \"Complaints\" c WHERE {R("c")}"),
            ("complaints-closed", $"SELECT COUNT(*) FROM \"Complaints\" c WHERE {R("c")} AND c.\"State\" = 'Closed'"),
            ("complaints-on-time", $"SELECT COUNT(*) FROM \"Complaints\" c WHERE {R("c")} AND c.\"State\" = 'Closed' AND c.\"RepliedAt\" IS NOT NULL AND {onTime}"),
            ("complaints-rated", $"SELECT COUNT(*) FROM \"Complaints\" c WHERE {R("c")} AND c.\"Satisfied\" IS NOT NULL"),
            ("complaints-satisfied", $"SELECT COUNT(*) FROM \"Complaints\" c WHERE {R("c")} AND c.\"Satisfied\" = {(pg ? "TRUE" : "1")}"),
            ("problems", $"SELECT COUNT(*) FROM \"Problems\" p WHERE {R("p")}"),
            ("problems-three-systems", $"SELECT COUNT(*) FROM \"Problems\" p WHERE {R("p")} AND p.\"Category\" = '三项制度落实'"),
            ("problems-written-off", $"SELECT COUNT(*) FROM \"Problems\" p WHERE {R("p")} AND p.\"State\" = 'WrittenOff'"),
            ("rectifications-overdue", $"SELECT COUNT(*) FROM \"Problems\" p WHERE {R("p")} AND p.\"PausedOn\" IS NULL AND p.\"State\" = 'Rectifying' AND p.\"Deadline\" < @today"),
            ("inspections", $"SELECT COUNT(*) FROM \"Inspections\" b WHERE {R("b")} AND b.\"Type\" <> 'Visit'"),
            ("inspection-overlaps", $"""
                SELECT COUNT(*) FROM "Inspections" b WHERE {R("b")} AND b."Type" <> 'Visit' AND EXISTS (
                  SELECT 1 FROM "Inspections" a WHERE {R("a")} AND a."Type" <> 'Visit' AND a."EnterpriseId" = b."EnterpriseId" AND a."Id" <> b."Id"
                    AND (b."VisitDate" > a."VisitDate" OR (b."VisitDate" = a."VisitDate" AND b."Id" > a."Id")) AND b."VisitDate" <= {window}
                    AND (a."JointInspectionId" IS NULL OR b."JointInspectionId" IS NULL OR a."JointInspectionId" <> b."JointInspectionId")
                    AND (a."UnitId" <> b."UnitId" OR (a."Type" IN ('Routine', 'Special') AND b."Type" IN ('Routine', 'Special'))))
                """),
            ("joint-inspections", $"SELECT COUNT(*) FROM \"JointInspections\" j WHERE {R("j")}"),
            ("warnings", $"SELECT COUNT(*) FROM \"Warnings\" w WHERE {R("w")}"),
            ("warnings-open", $"SELECT COUNT(*) FROM \"Warnings\" w WHERE {R("w")} AND w.\"State\" = 'Open'"),
            ("flexible-items", $"SELECT COUNT(*) FROM \"LeniencyListItems\" i JOIN \"LeniencyLists\" l ON l.\"Id\" = i.\"ListId\" AND {R("l")} WHERE {R("i")} AND l.\"State\" = 'Approved' AND l.\"Kind\" IN ('FlexibleMatters')"),
            ("no-penalty-items", $"SELECT COUNT(*) FROM \"LeniencyListItems\" i JOIN \"LeniencyLists\" l ON l.\"Id\" = i.\"ListId\" AND {R("l")} WHERE {R("i")} AND l.\"State\" = 'Approved' AND l.\"Kind\" IN ('NoPenalty', 'FirstViolation', 'MinorViolation')"),
            ("guidance-items", $"SELECT COUNT(*) FROM \"LeniencyListItems\" i JOIN \"LeniencyLists\" l ON l.\"Id\" = i.\"ListId\" AND {R("l")} WHERE {R("i")} AND l.\"State\" = 'Approved' AND l.\"Kind\" IN ('Guidance')"),
            ("first-violation-cases", $"SELECT COUNT(*) FROM \"ExemptionCases\" e WHERE {R("e")} AND e.\"Kind\" = 'FirstViolation'"),
            ("exemption-cases", $"SELECT COUNT(*) FROM \"ExemptionCases\" e WHERE {R("e")}"),
            ("guidance-records", $"SELECT COUNT(*) FROM \"GuidanceRecords\" g WHERE {R("g")}"),
            ("pledges-kept", $"SELECT COUNT(*) FROM \"ExemptionCases\" e WHERE {R("e")} AND e.\"State\" = 'Kept'"),
            ("pledges-broken", $"SELECT COUNT(*) FROM \"ExemptionCases\" e WHERE {R("e")} AND e.\"State\" = 'Broken'"),
            ("pledges-pending", $"SELECT COUNT(*) FROM \"ExemptionCases\" e WHERE {R("e")} AND e.\"State\" = 'Pending'"),
        };
        Keys = figures.Select(f => f.Key).ToArray();
        Sql = "SELECT " + string.Join(",\n  ", figures.Select(f => $"({f.Sql}) AS \"{f.Key}\""));
    }

    public string[] Keys { get; }

    public string Sql { get; }

    public async Task<Dictionary<string, int>> ReadAsync()
    {
        await using DbConnection conn = _database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(_database.ConnectionString) : new SqliteConnection(_database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = Sql;
        if (_region is not null)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@region";
            p.Value = _region;
            cmd.Parameters.Add(p);
        }
        var today = cmd.CreateParameter();
        today.ParameterName = "@today";
        today.Value = _database.Provider == DatabaseProvider.Postgres ? _today : _today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cmd.Parameters.Add(today);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Keys.Select((k, i) => (k, Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture))).ToDictionary(x => x.k, x => x.Item2);
    }
}
