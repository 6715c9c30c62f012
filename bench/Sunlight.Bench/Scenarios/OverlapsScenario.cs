using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Inspections.Door;
using Sunlight.Web.Features.Inspections.Overlaps;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `overlaps [--inspections 1000000] [--scale 100] [--runs 5] [--scans 300] [--reuse]`: the county-wide overlap detection
/// (多头检查 / 重复检查, 30-day window, the Supervisor's default year) through the app's own <see cref="OverlapDetection"/>
/// against the same detection as one hand-written SQL statement; and the door check (<see cref="DoorQueries.CheckAsync"/>:
/// caps, overlaps, quiet list, joint notices for one enterprise) as a unit officer, with all the inspections in the table.
/// Value: median seconds of the EF detection; baseline: median seconds of the raw statement; `scanP95Ms`: the door check's p95.
/// </summary>
internal static class OverlapsScenario
{
    private const int Window = 30;

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var count = options.Int("inspections", 1_000_000);
        var scale = options.Int("scale", 100);
        var runs = options.Int("runs", 5);
        var scans = options.Int("scans", 300);
        var database = options.Database("overlaps", scale);
        var region = BenchData.QueriedRegion;
        var today = ChinaTime.Today(TimeProvider.System);

        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"overlaps: generating on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, scale));
            await GenerateAsync(database, count, today);
        }

        await using var supervisor = BenchHost.Build(database, RegistryListScenario.SupervisorOf(region));
        var raw = new RawOverlaps(database);
        var from = today.AddYears(-1);
        var to = today.AddYears(1);

        var efCommand = await CapturedCommand.OfAsync(database, RegistryListScenario.SupervisorOf(region), db =>
            new OverlapDetection(db, new InspectionSettings(new ConfigurationBuilder().Build()), new InspectionQueries(db)).CountAsync(from, to, Window, default));
        Console.WriteLine("  EF SQL:\n" + Indent(efCommand.Text));
        Console.WriteLine("  plan EF:\n" + Indent(await raw.ExplainAsync(efCommand)));
        Console.WriteLine("  plan raw:\n" + Indent(await raw.ExplainAsync(raw.Statement(region, from, to))));

        Task<long> Ef() => Scoped(supervisor, async s => (long)await s.GetRequiredService<OverlapDetection>().CountAsync(from, to, Window, default));
        Task<long> Raw() => raw.CountAsync(region, from, to);
        var (efPairs, rawPairs) = (await Ef(), await Raw());
        if (efPairs != rawPairs)
        {
            throw new InvalidOperationException($"EF and raw SQL disagree: {efPairs} vs {rawPairs} pairs");
        }
        Console.WriteLine($"  county-wide detection {from:yyyy-MM-dd}..{to:yyyy-MM-dd}, window {Window} days: {efPairs} overlapping pairs, EF and raw SQL agree");

        var ef = new List<double>();
        var baseline = new List<double>();
        var page = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var efFirst = i % 2 == 0;
            var x = await TimeAsync(efFirst ? Ef : Raw);
            var y = await TimeAsync(efFirst ? Raw : Ef);
            ef.Add(efFirst ? x : y);
            baseline.Add(efFirst ? y : x);
            // What the overlaps list loads: the newest 200 pairs (the largest page), named, with the capped total.
            page.Add(await TimeAsync(() => Scoped(supervisor, async s => (long)(await s.GetRequiredService<OverlapDetection>().PageAsync(from, to, Window, null, Paging.MaxLimit, default)).Items.Count)));
            Console.WriteLine($"  run {i + 1} ({(efFirst ? "EF" : "raw")} first): EF {ef[^1]:0.000} s, raw {baseline[^1]:0.000} s, page of 200 {page[^1]:0.000} s");
        }

        // The door check: an officer of one unit scans a random enterprise's door code (each scan a new request scope).
        var (unitId, codes) = await raw.DoorTargetsAsync(region);
        await using var officer = BenchHost.Build(database, OfficerOf(region, unitId));
        var random = new Random(7);
        var scanMs = new List<double>();
        for (var i = -Math.Max(20, scans / 5); i < scans; i++)
        {
            var code = codes[random.Next(codes.Count)];
            var ms = await TimeAsync(() => Scoped(officer, async s => (await s.GetRequiredService<DoorQueries>().CheckAsync(code, unitId, default)) is null
                ? throw new InvalidOperationException("door code not found: " + code) : 1L)) * 1000;
            if (i >= 0)
            {
                scanMs.Add(ms);
            }
        }

        var result = new BenchResult("overlaps", Stats.Round(Stats.Median(ef)), "s")
        {
            Baseline = Stats.Round(Stats.Median(baseline)),
            Provider = database.Provider.ToString(),
            Scale = scale,
        };
        result.Extra["pairs"] = efPairs;
        result.Extra["pageSeconds"] = Stats.Round(Stats.Median(page));
        result.Extra["scanP50Ms"] = Stats.Round(Stats.Median(scanMs));
        result.Extra["scanP95Ms"] = Stats.Round(Stats.Percentile(scanMs, 95));
        result.Extra["inspections"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"Inspections\"");
        result.Extra["countyInspections"] = await raw.ScalarAsync($"SELECT COUNT(*) FROM \"Inspections\" WHERE \"RegionCode\" = '{region}'");
        result.Extra["runs"] = runs;
        Console.WriteLine($"  detection: EF median {result.Value:0.000} s vs raw {result.Baseline:0.000} s, ratio {result.Ratio} (targets ≤ 2 s, ≤ 1.5); " +
                          $"door check p50 {Stats.Format(Stats.Median(scanMs))} p95 {Stats.Format(Stats.Percentile(scanMs, 95))} ms (target ≤ 5 ms)");
        return result;
    }

    private static CallerScope OfficerOf(string region, long unitId) => CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "unit01"), new Claim(ClaimTypes.NameIdentifier, "bench-unit01"), new Claim(ClaimTypes.Role, Roles.UnitStaff),
         new Claim(SunlightClaims.Region, region), new Claim(SunlightClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture))],
        authenticationType: "bench")));

    private static string Indent(string s) => "    " + s.Replace("\n", "\n    ", StringComparison.Ordinal);

    private static async Task<long> Scoped(WebApplication app, Func<IServiceProvider, Task<long>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider);
    }

    private static async Task<double> TimeAsync(Func<Task<long>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// Inspections (80 % in the queried county) over the last two years and the next month, each of a random enterprise of
    /// its county by a random unit: 60 % routine, 20 % case-driven, 15 % special, 5 % non-enforcement visits; door codes for
    /// 2,000 of the county's enterprises; 500 quiet-list entries. Bulk, not through EF.
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase database, int count, DateOnly today)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var other = BenchData.CountyOf(1).Region;
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement && (u.RegionCode == BenchData.QueriedRegion || u.RegionCode == other))
            .Select(u => new { u.Id, u.RegionCode }).ToListAsync();
        var unitsOf = units.GroupBy(u => u.RegionCode).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToArray());
        var enterprisesOf = (await db.Enterprises.AsNoTracking().Where(e => e.RegionCode == BenchData.QueriedRegion || e.RegionCode == other)
            .Select(e => new { e.Id, e.RegionCode }).ToListAsync()).GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var random = new Random(20250101);
        var start = today.AddDays(-730);
        var registeredAt = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();

        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var county = i % 5 == 4 ? other : BenchData.QueriedRegion;
            var date = start.AddDays(random.Next(760));
            var roll = random.Next(100);
            var type = roll < 60 ? InspectionType.Routine : roll < 80 ? InspectionType.CaseDriven : roll < 95 ? InspectionType.Special : InspectionType.Visit;
            var state = date < today ? InspectionState.Done : InspectionState.Approved;
            var enterprises = enterprisesOf[county];
            var unitIds = unitsOf[county];
            return new object?[]
            {
                county, unitIds[random.Next(unitIds.Length)], enterprises[random.Next(enterprises.Length)], type,
                type == InspectionType.CaseDriven ? "投诉举报" : null, "按计划开展检查", InspectionMode.OnSite, date, new List<long> { 1 }, new List<long> { 1, 2 },
                state, registeredAt, "bench", false, false, type == InspectionType.Visit ? null : "JC-B" + i.ToString("D10", CultureInfo.InvariantCulture),
                new List<string>(), state == InspectionState.Done ? InspectionOutcome.NoProblem : null, Guid.NewGuid(),
            };
        });
        var table = BulkTable.For<Inspection>(db, "RegionCode", "UnitId", "EnterpriseId", "Type", "Trigger", "Purpose", "Mode", "VisitDate", "ItemIds",
            "OfficerIds", "State", "RegisteredAt", "RegisteredBy", "IsBackfill", "ApprovedAfterVisit", "Code", "Warnings", "Outcome", "Version");
        Console.WriteLine($"  inspections: {await table.LoadAsync(database, rows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        var county0 = enterprisesOf[BenchData.QueriedRegion];
        var doors = BulkTable.For<EnterpriseDoorCode>(db, "RegionCode", "EnterpriseId", "Code", "IsActive", "IssuedAt");
        await doors.LoadAsync(database, county0.Take(2000).Select((id, i) => new object?[]
            { BenchData.QueriedRegion, id, "QY-B" + i.ToString("D10", CultureInfo.InvariantCulture), true, registeredAt }));
        var quiet = BulkTable.For<QuietListEntry>(db, "RegionCode", "EnterpriseId", "From", "To", "Reason");
        await quiet.LoadAsync(database, county0.Skip(1000).Take(500).Select(id => new object?[]
            { BenchData.QueriedRegion, id, today.AddMonths(-6), today.AddMonths(6), "信用良好，无事不扰" }));

        sw.Restart();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  analyze: {sw.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>The county-wide detection as a person would write it: one self-join, counted.</summary>
internal sealed class RawOverlaps(BenchDatabase database)
{
    private bool Postgres => database.Provider == DatabaseProvider.Postgres;

    private DbConnection Open() => Postgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    private string Sql => $"""
        SELECT COUNT(*)
        FROM "Inspections" a
        JOIN "Inspections" b ON b."RegionCode" = a."RegionCode" AND b."EnterpriseId" = a."EnterpriseId"
         AND b."VisitDate" >= a."VisitDate" AND b."VisitDate" <= {(Postgres ? "a.\"VisitDate\" + 30" : "date(a.\"VisitDate\", '+30 days')")}
        WHERE a."RegionCode" = @region AND a."VisitDate" >= @from AND a."VisitDate" <= @to
          AND a."Type" <> 'Visit' AND b."Type" <> 'Visit'
          AND (b."VisitDate" > a."VisitDate" OR b."Id" > a."Id")
          AND (a."JointInspectionId" IS NULL OR b."JointInspectionId" IS NULL OR a."JointInspectionId" <> b."JointInspectionId")
          AND (a."UnitId" <> b."UnitId" OR (a."Type" IN ('Routine', 'Special') AND b."Type" IN ('Routine', 'Special')))
        """;

    public SqlStatement Statement(string region, DateOnly from, DateOnly to)
    {
        using var conn = Open();
        using var cmd = Command(conn, Sql, region, from, to);
        return SqlStatement.Of(cmd);
    }

    public async Task<long> CountAsync(string region, DateOnly from, DateOnly to)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = Command(conn, Sql, region, from, to);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The unit with the most inspections in the county, and the active door codes.</summary>
    public async Task<(long UnitId, List<string> Codes)> DoorTargetsAsync(string region)
    {
        var unitId = await ScalarAsync($"SELECT \"UnitId\" FROM \"Inspections\" WHERE \"RegionCode\" = '{region}' GROUP BY \"UnitId\" ORDER BY COUNT(*) DESC LIMIT 1");
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Code\" FROM \"EnterpriseDoorCodes\" WHERE \"RegionCode\" = '{region}' AND \"IsActive\"";
        var codes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return (unitId, codes);
    }

    public async Task<string> ExplainAsync(SqlStatement source)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = (Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + source.Text;
        foreach (var (name, value) in source.Parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Postgres ? reader.GetString(0) : reader.GetString(reader.FieldCount - 1));
        }
        return string.Join('\n', lines);
    }

    private DbCommand Command(DbConnection conn, string sql, string region, DateOnly from, DateOnly to)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in new (string, object)[] { ("@region", region), ("@from", Postgres ? from : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@to", Postgres ? to : to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
