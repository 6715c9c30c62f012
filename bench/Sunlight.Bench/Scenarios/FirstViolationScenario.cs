using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Leniency.FirstViolation;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `first-violation [--cases 500000] [--exemptions 100000] [--iterations 500] [--reuse]`: the prior-violation check (首违认定,
/// rule P-FIRST) for one enterprise, unit and item, through the app's own code (<see cref="FirstViolationCheck.EarlierInUnitAsync"/>
/// in a DI scope with the unit's <see cref="CallerScope"/>) against the same check in hand-written SQL. Value: EF p95 ms;
/// baseline: raw SQL p95 ms. The app's full pre-check (<see cref="FirstViolationCheck.CheckAsync"/>: the window setting, the
/// check, the other units' records and their names) is timed too, as `fullCheckP95`, without a baseline.
/// </summary>
internal static class FirstViolationScenario
{
    private const int Scale = 10;
    private const int ItemsPerUnit = 20;
    /// <summary>The queried enterprise gets every Nth row of each ledger: a large company with a long history (2,000 cases, 400 exemptions).</summary>
    private const int HotEvery = 250;

    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var caseCount = options.Int("cases", 500_000);
        var exemptionCount = options.Int("exemptions", 100_000);
        var iterations = options.Int("iterations", 500);
        var database = options.Database("first-violation", Scale);
        if (options.Get("reuse") is null)
        {
            Console.WriteLine($"first-violation: generating on {database.Provider} ({database.DatabaseName}), not timed");
            Console.WriteLine("  " + await BenchData.GenerateAsync(database, Scale));
            await GenerateAsync(database, caseCount, exemptionCount);
        }

        var target = await TargetAsync(database);
        var scope = UnitStaffOf(target.UnitId, BenchData.QueriedRegion);
        await using var app = BenchHost.Build(database, scope);
        var from = ChinaTime.Today(TimeProvider.System).AddMonths(-LeniencySetting.DefaultWindowMonths);
        var raw = new RawFirstViolation(database);

        async Task<(string Ledger, long Id)?> Ef()
        {
            using var s = app.Services.CreateScope();
            var p = await FirstViolationCheck.EarlierInUnitAsync(s.ServiceProvider.GetRequiredService<SunlightDbContext>(), target.UnitId, target.Uscc, target.ItemName, from, null, default);
            return p is null ? null : (p.Ledger, p.Id);
        }
        Task<(string Ledger, long Id)?> Raw() => raw.EarlierAsync(target.UnitId, target.Uscc, target.ItemName, from);
        async Task<(string Ledger, long Id)?> Full()
        {
            using var s = app.Services.CreateScope();
            var r = await s.ServiceProvider.GetRequiredService<FirstViolationCheck>().CheckAsync(target.UnitId, BenchData.QueriedRegion, target.Uscc, target.ItemName, null, default);
            return r.Earlier is null ? null : (r.Earlier.Ledger, r.Earlier.Id);
        }

        var (ef, sql, full) = (await Ef(), await Raw(), await Full());
        if (ef != sql || full != sql)
        {
            throw new InvalidOperationException($"EF and raw SQL disagree: EF {ef}, full check {full}, raw {sql}");
        }
        Console.WriteLine($"  enterprise {target.Uscc}, unit {target.UnitId}, item {target.ItemName}, window after {from:yyyy-MM-dd}: " +
            $"{target.Cases} cases and {target.Exemptions} exemptions of the enterprise in the tables; earlier = {sql?.ToString() ?? "none"} (EF and raw SQL agree)");
        var efCommand = await CapturedCommand.OfAsync(database, scope, db => FirstViolationCheck.EarlierInUnitAsync(db, target.UnitId, target.Uscc, target.ItemName, from, null, default));
        Console.WriteLine("  EF SQL:\n" + Indent(efCommand.Text));
        Console.WriteLine("  plan EF:\n" + Indent(await raw.ExplainAsync(efCommand)));
        var rawCommand = raw.Statement(target.UnitId, target.Uscc, target.ItemName, from);
        Console.WriteLine("  raw SQL:\n" + Indent(rawCommand.Text));
        Console.WriteLine("  plan raw:\n" + Indent(await raw.ExplainAsync(rawCommand)));

        var (efMs, rawMs, fullMs) = (new List<double>(), new List<double>(), new List<double>());
        var warmup = options.Int("warmup", Math.Max(100, iterations / 3));
        for (var i = -warmup; i < iterations; i++)
        {
            // Alternate which side goes first so neither always runs on the warmer cache.
            var efFirst = i % 2 == 0;
            var a = await TimeAsync(efFirst ? Ef : Raw);
            var b = await TimeAsync(efFirst ? Raw : Ef);
            var c = await TimeAsync(Full);
            if (i >= 0)
            {
                efMs.Add(efFirst ? a : b);
                rawMs.Add(efFirst ? b : a);
                fullMs.Add(c);
            }
        }

        var result = new BenchResult("first-violation", Stats.Round(Stats.Percentile(efMs, 95)), "ms")
        {
            Baseline = Stats.Round(Stats.Percentile(rawMs, 95)),
            Provider = database.Provider.ToString(),
            Scale = Scale,
        };
        result.Extra["efP50"] = Stats.Round(Stats.Median(efMs));
        result.Extra["rawP50"] = Stats.Round(Stats.Median(rawMs));
        result.Extra["fullCheckP50"] = Stats.Round(Stats.Median(fullMs));
        result.Extra["fullCheckP95"] = Stats.Round(Stats.Percentile(fullMs, 95));
        result.Extra["cases"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"EnforcementCases\"");
        result.Extra["exemptions"] = await raw.ScalarAsync("SELECT COUNT(*) FROM \"ExemptionCases\"");
        result.Extra["enterpriseCases"] = target.Cases;
        result.Extra["enterpriseExemptions"] = target.Exemptions;
        result.Extra["iterations"] = iterations;
        Console.WriteLine($"  check: EF p50 {Stats.Format(Stats.Median(efMs))} p95 {Stats.Format(result.Value)} ms | raw p50 {Stats.Format(Stats.Median(rawMs))} p95 {Stats.Format(result.Baseline!.Value)} ms | " +
            $"ratio p95 {result.Ratio} (targets ≤ 1.5, ≤ 5 ms); full pre-check p50 {Stats.Format(Stats.Median(fullMs))} p95 {Stats.Format(Stats.Percentile(fullMs, 95))} ms");
        return result;
    }

    private static CallerScope UnitStaffOf(long unitId, string region) => CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "unit01"), new Claim(ClaimTypes.Role, Roles.UnitStaff), new Claim(SunlightClaims.Region, region),
         new Claim(SunlightClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture))],
        authenticationType: "bench")));

    private static async Task<double> TimeAsync(Func<Task<(string Ledger, long Id)?>> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));

    private sealed record Target(string Uscc, long UnitId, string ItemName, long Cases, long Exemptions);

    /// <summary>The queried enterprise (the one with the most cases), its busiest unit, and that unit's first item.</summary>
    private static async Task<Target> TargetAsync(BenchDatabase database)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var uscc = await db.EnforcementCases.Where(c => c.RegionCode == BenchData.QueriedRegion).GroupBy(c => c.PartyUscc)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var unitId = await db.EnforcementCases.Where(c => c.PartyUscc == uscc).GroupBy(c => c.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        return new Target(uscc!, unitId, ItemName(0), await db.EnforcementCases.CountAsync(c => c.PartyUscc == uscc), await db.Set<ExemptionCase>().CountAsync(e => e.Uscc == uscc));
    }

    private static string ItemName(int k) => $"未按规定履行第 {k + 1} 项经营管理义务";

    /// <summary>
    /// One approved 首违不罚 list of 20 items per unit (through EF), then the cases and exemptions in bulk: rows spread over
    /// the enterprises of every county, each in a unit of the enterprise's county, one of the 20 items, dated over the last
    /// three years (a tenth of the cases without a violation date: filing date instead), 70 % of the cases 行政处罚.
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase database, int caseCount, int exemptionCount)
    {
        await using var app = BenchHost.Build(database);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var now = DateTimeOffset.UtcNow;
        var today = ChinaTime.Today(TimeProvider.System);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.RegionCode }).ToListAsync();
        foreach (var u in units)
        {
            db.Add(new LeniencyList
            {
                RegionCode = u.RegionCode, UnitId = u.Id, Kind = ListKind.FirstViolation, Number = 1, State = ListState.Approved, IsPublished = true,
                CreatedAt = now, CreatedBy = "bench", ApprovedAt = now, ApprovedBy = "bench", Version = Guid.NewGuid(),
                Items = Enumerable.Range(0, ItemsPerUnit).Select(k => new ListItem
                {
                    RegionCode = u.RegionCode, UnitId = u.Id, Order = k + 1, Name = ItemName(k), LegalBasis = "《某某管理条例》第十二条",
                }).ToList(),
            });
        }
        await db.SaveWithoutAuditAsync(default);
        var itemsOf = (await db.Set<ListItem>().AsNoTracking().Select(i => new { i.UnitId, i.Id, i.Order }).ToListAsync())
            .GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).Select(i => i.Id).ToArray());
        var unitsOf = units.GroupBy(u => u.RegionCode).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToArray());
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name, e.RegionCode }).ToListAsync();
        var hot = enterprises.First(e => e.RegionCode == BenchData.QueriedRegion);
        var kinds = Enum.GetValues<CaseKind>().Where(k => k != CaseKind.Penalty).ToArray();
        var sw = Stopwatch.StartNew();

        var random = new Random(15);
        var caseRows = Enumerable.Range(0, caseCount).Select(i =>
        {
            var e = i % HotEvery == 0 ? hot : enterprises[random.Next(enterprises.Count)];
            var unitIds = unitsOf[e.RegionCode];
            var unitId = unitIds[random.Next(unitIds.Length)];
            var violationOn = today.AddDays(-random.Next(0, 3 * 365));
            var kind = random.Next(10) < 7 ? CaseKind.Penalty : kinds[random.Next(kinds.Length)];
            return new object?[]
            {
                e.RegionCode, unitId, kind, "BC" + i.ToString("D9", CultureInfo.InvariantCulture), $"{e.Name}涉嫌违法案", PartyKind.Enterprise, e.Name, e.Uscc,
                ItemName(random.Next(ItemsPerUnit)), "《某某管理条例》第十二条", false, false, false, false, false,
                random.Next(10) == 0 ? null : violationOn, violationOn.AddDays(random.Next(1, 15)), MilestoneKind.Filed,
                "bc" + i.ToString("D12", CultureInfo.InvariantCulture), now, Guid.NewGuid(),
            };
        });
        var caseTable = BulkTable.For<EnforcementCase>(db, "RegionCode", "UnitId", "Kind", "Number", "Title", "PartyKind", "PartyName", "PartyUscc",
            "ItemName", "LegalBasis", "IsOnTheSpot", "IsHighRisk", "IsSevereSanction", "IsMajor", "HarmsLifeOrProperty",
            "ViolationOn", "FiledOn", "Stage", "ActCode", "CreatedAt", "Version");
        Console.WriteLine($"  enforcement cases: {await caseTable.LoadAsync(database, caseRows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        var states = Enum.GetValues<PledgeState>();
        var exemptionRows = Enumerable.Range(0, exemptionCount).Select(i =>
        {
            var e = i % HotEvery == 0 ? hot : enterprises[random.Next(enterprises.Count)];
            var unitIds = unitsOf[e.RegionCode];
            var unitId = unitIds[random.Next(unitIds.Length)];
            var k = random.Next(ItemsPerUnit);
            var violationOn = today.AddDays(-random.Next(0, 3 * 365));
            var decidedOn = violationOn.AddDays(random.Next(1, 20));
            return new object?[]
            {
                e.RegionCode, unitId, "免罚〔bench〕" + i.ToString(CultureInfo.InvariantCulture) + "号", itemsOf[unitId][k], ListKind.FirstViolation, ItemName(k),
                "《某某管理条例》第十二条", e.Uscc, e.Name, "初次违法，危害后果轻微并及时改正。", violationOn, decidedOn, "当场讲解法律规定。",
                decidedOn.AddDays(30), states[i % states.Length], "bench", now, Guid.NewGuid(),
            };
        });
        var exemptionTable = BulkTable.For<ExemptionCase>(db, "RegionCode", "UnitId", "Number", "ListItemId", "Kind", "ItemName", "LegalBasis", "Uscc",
            "EnterpriseName", "Facts", "ViolationOn", "DecidedOn", "Education", "CorrectionDeadline", "State", "Officer", "CreatedAt", "Version");
        Console.WriteLine($"  exemption cases: {await exemptionTable.LoadAsync(database, exemptionRows)} in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  analyze: {sw.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>The same check as a person would write it: one statement over both ledgers, the latest earlier violation first.</summary>
internal sealed class RawFirstViolation(BenchDatabase database)
{
    private const string Sql = """
        SELECT "Ledger", "Id" FROM (
            SELECT 0 AS "Ledger", c."Id", COALESCE(c."ViolationOn", c."FiledOn") AS "On"
            FROM "EnforcementCases" c
            WHERE c."PartyUscc" = @uscc AND c."UnitId" = @unit AND c."Kind" = 'Penalty' AND c."ItemName" = @item
              AND COALESCE(c."ViolationOn", c."FiledOn") > @from
            UNION ALL
            SELECT 1, e."Id", e."ViolationOn"
            FROM "ExemptionCases" e
            WHERE e."Uscc" = @uscc AND e."UnitId" = @unit AND e."ItemName" = @item AND e."ViolationOn" > @from
        ) p
        ORDER BY "On" DESC, "Ledger", "Id" DESC
        LIMIT 1
        """;

    private bool Postgres => database.Provider == DatabaseProvider.Postgres;

    private DbConnection Open() => Postgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    public async Task<(string Ledger, long Id)?> EarlierAsync(long unitId, string uscc, string itemName, DateOnly from)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = Command(conn, unitId, uscc, itemName, from);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt32(0) == 0 ? "执法案件" : "免罚案件", reader.GetInt64(1)) : null;
    }

    public SqlStatement Statement(long unitId, string uscc, string itemName, DateOnly from)
    {
        using var conn = Open();
        using var cmd = Command(conn, unitId, uscc, itemName, from);
        return SqlStatement.Of(cmd);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<string> ExplainAsync(SqlStatement source)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = (Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + source.Text;
        foreach (var (name, value) in source.Parameters)
        {
            Add(cmd, name, value);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Postgres ? reader.GetString(0) : reader.GetString(reader.FieldCount - 1));
        }
        return string.Join('\n', lines);
    }

    private static DbCommand Command(DbConnection conn, long unitId, string uscc, string itemName, DateOnly from)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = Sql;
        Add(cmd, "@uscc", uscc);
        Add(cmd, "@unit", unitId);
        Add(cmd, "@item", itemName);
        Add(cmd, "@from", from);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
