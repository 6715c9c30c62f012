using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench;

internal sealed record BenchDataSummary(int Scale, int Counties, int Units, int Officers, int Credentials, int Enterprises,
    int QueriedCountyEnterprises, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"scale {Scale}: {Counties} counties, {Units} units, {Officers} officers, {Credentials} credentials, {Enterprises} enterprises " +
        $"({QueriedCountyEnterprises} in {BenchData.QueriedRegion}) in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// Bench data at scale N: N counties (distinct region codes), each with the demo county's 22 enforcement units and
/// 6–10 officers per unit, and 320 × N enterprises in all, half of them in the first county (the one benchmarks
/// query as its supervisor) and the rest spread over the others. See bench/README.md for why.
/// The schema comes from the app's own migrations; the registry rows are written through EF without audit entries.
/// </summary>
internal static class BenchData
{
    public const string AdminPassword = "Bench-passw0rd";
    public const string QueriedRegion = DemoCounty.RegionCode;
    public const int EnterprisesPerScale = 320;
    private const int BatchSize = 4000;

    /// <summary>Industries skewed as a county's really are: manufacturing and retail dominate, pharmacy and energy are rare.</summary>
    internal static readonly (string? Industry, int Weight)[] IndustryWeights =
    [
        ("制造", 30), ("零售", 20), ("餐饮", 14), ("建筑", 10), ("运输", 8), ("养殖", 6), ("文旅", 4), ("化工", 3), ("医药", 2), ("能源", 1),
        (null, 2), // not yet classified
    ];

    private static readonly string[] NameSyllables = ["新", "众", "优", "佳", "利", "华", "博", "创", "德", "源", "泰", "隆", "昌", "盛", "和", "正", "通", "达", "宇", "诚"];
    private static readonly string[] CountyFirst = ["石", "云", "兰", "白", "枫", "梅", "柳", "桐", "竹", "松", "杏", "桂", "荷", "茶", "金", "银", "玉", "清", "长", "安"];
    private static readonly string[] CountySecond = ["溪", "岭", "田", "鹭", "林", "川", "塘", "江", "坪", "阳"];

    /// <summary>Creates the database (migrations, calendar, admin) and writes the scale-N registry. The database must be new.</summary>
    public static async Task<BenchDataSummary> GenerateAsync(BenchDatabase database, int scale, TextWriter? log = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var clock = Stopwatch.StartNew();
        await RecreateAsync(database, ct);
        await using var app = BenchHost.Build(database);
        await DatabaseSetup.MigrateAsync(app.Services, ct);
        using (var scope = app.Services.CreateScope())
        {
            // Calendar, roles and the admin account exactly as a first start with --no-demo leaves them.
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAsync(demo: false, ct);
        }

        var random = new Random(20220601 + scale);
        var today = ChinaTime.Today(TimeProvider.System);
        var counties = Enumerable.Range(0, scale).Select(CountyOf).ToList();
        var perCounty = SplitEnterprises(EnterprisesPerScale * scale, scale);
        var usccs = new HashSet<string>(StringComparer.Ordinal);
        int units = 0, officers = 0, credentials = 0;
        long firstUnitId = 0;

        for (var k = 0; k < counties.Count; k++)
        {
            var (region, countyName) = counties[k];
            log?.WriteLine($"  county {k + 1}/{counties.Count} {region} {countyName}: 22 units, {perCounty[k]} enterprises");
            var countyUnits = await WriteAsync(app.Services, db => AddUnits(db, random, region, countyName, usccs), ct);
            units += countyUnits.Count;
            firstUnitId = firstUnitId == 0 ? countyUnits.First(u => u.Kind == UnitKind.Enforcement).Id : firstUnitId;
            var staff = await WriteAsync(app.Services, db => AddStaffAndItems(db, random, today, region, countyUnits), ct);
            officers += staff.Officers;
            credentials += staff.Credentials;
            for (var written = 0; written < perCounty[k]; written += BatchSize)
            {
                var count = Math.Min(BatchSize, perCounty[k] - written);
                await WriteAsync(app.Services, db => AddEnterprises(db, random, region, countyName, count, usccs), ct);
            }
        }

        using (var scope = app.Services.CreateScope())
        {
            // Accounts later HTTP scenarios log in with (same password as admin): the queried county's supervisor and unit01.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await CreateUserAsync(users, new AppUser { UserName = "supervisor", DisplayName = "县司法局 执法监督科", RegionCode = QueriedRegion }, Roles.Supervisor);
            await CreateUserAsync(users, new AppUser { UserName = "unit01", DisplayName = "单位法制员", RegionCode = QueriedRegion, UnitId = firstUnitId }, Roles.UnitStaff);
        }
        await AnalyzeAsync(app.Services, ct);
        return new BenchDataSummary(scale, counties.Count, units, officers, credentials, perCounty.Sum(), perCounty[0], clock.Elapsed);
    }

    /// <summary>The k-th county: k = 0 is the demo county itself; the others get distinct 6-digit codes and names.</summary>
    internal static (string Region, string Name) CountyOf(int k)
    {
        if (k == 0)
        {
            return (DemoCounty.RegionCode, DemoCounty.Name);
        }
        var code = ((3599 - (k / 99)) * 100) + 1 + (k % 99);
        var name = CountyFirst[k % CountyFirst.Length] + CountySecond[k / CountyFirst.Length % CountySecond.Length] +
                   (k >= CountyFirst.Length * CountySecond.Length ? (k / (CountyFirst.Length * CountySecond.Length)).ToString() : "") + "县";
        return (code.ToString(), name);
    }

    /// <summary>Half of all enterprises in the queried county (the county seat's economy), the rest evenly elsewhere.</summary>
    internal static int[] SplitEnterprises(int total, int counties)
    {
        if (counties == 1)
        {
            return [total];
        }
        var split = new int[counties];
        split[0] = total / 2;
        var rest = total - split[0];
        for (var k = 1; k < counties; k++)
        {
            split[k] = (rest / (counties - 1)) + (k <= rest % (counties - 1) ? 1 : 0);
        }
        return split;
    }

    private static List<EnforcementUnit> AddUnits(SunlightDbContext db, Random r, string region, string countyName, HashSet<string> usccs)
    {
        var list = new List<EnforcementUnit>
        {
            new() { RegionCode = region, Code = "SF", Name = countyName + "司法局", Kind = UnitKind.Supervisor, Head = DemoSeeder.Person(r), Phone = "0599-12345678", Version = NewGuid(r) },
        };
        foreach (var (code, name, _, _, _) in DemoCounty.Units)
        {
            list.Add(new EnforcementUnit
            {
                RegionCode = region, Code = code, Name = countyName + name, Kind = UnitKind.Enforcement,
                Uscc = UniqueUscc(r, "11", region, usccs), Address = $"{countyName}城关镇政务大道 {r.Next(1, 200)} 号",
                Phone = $"0599-{r.Next(2000000, 9999999)}", Head = DemoSeeder.Person(r), Version = NewGuid(r),
            });
        }
        db.Units.AddRange(list);
        return list;
    }

    private static (int Officers, int Credentials) AddStaffAndItems(SunlightDbContext db, Random r, DateOnly today, string region, List<EnforcementUnit> units)
    {
        int officers = 0, credentials = 0, seq = 1;
        var byCode = DemoCounty.Units.ToDictionary(u => u.Code);
        foreach (var unit in units.Where(u => u.Kind == UnitKind.Enforcement))
        {
            var (code, name, law, powers, inspections) = byCode[unit.Code];
            var count = r.Next(6, 11);
            for (var i = 0; i < count; i++)
            {
                var auxiliary = i >= count - 2 && r.NextDouble() < 0.6;
                var officer = new Officer
                {
                    RegionCode = region, UnitId = unit.Id, Name = DemoSeeder.Person(r), IsAuxiliary = auxiliary,
                    Position = auxiliary ? "协管员" : (i == 0 ? "执法大队长" : "执法队员"),
                    IsActive = r.NextDouble() >= 0.03, Version = NewGuid(r),
                };
                if (!auxiliary)
                {
                    // As in the demo: about one credential in eight has expired.
                    var validTo = r.NextDouble() < 0.125 ? today.AddDays(-r.Next(10, 400)) : today.AddDays(r.Next(60, 1500));
                    officer.Credentials.Add(new Credential
                    {
                        Number = $"{region}{code[1..]}{seq++:00000}", Category = name.Replace("局", "", StringComparison.Ordinal) + "执法",
                        ValidFrom = validTo.AddYears(-5), ValidTo = validTo,
                    });
                    credentials++;
                }
                db.Officers.Add(officer);
                officers++;
            }
            for (var i = 0; i < powers.Length; i++)
            {
                db.EnforcementItems.Add(new EnforcementItem
                {
                    RegionCode = region, UnitId = unit.Id, Code = $"{code}-CF-{i + 1:000}", Name = powers[i], Kind = EnforcementKind.Penalty,
                    LegalBasis = $"{law}第 {r.Next(20, 130)} 条", Version = NewGuid(r),
                });
            }
            for (var i = 0; i < inspections.Length; i++)
            {
                db.InspectionItems.Add(new InspectionItem
                {
                    RegionCode = region, UnitId = unit.Id, Code = $"{code}-JC-{i + 1:000}", Name = inspections[i],
                    LegalBasis = $"{law}第 {r.Next(20, 130)} 条", Method = r.NextDouble() < 0.5 ? "现场检查" : "书面检查", Version = NewGuid(r),
                });
            }
        }
        return (officers, credentials);
    }

    private static int AddEnterprises(SunlightDbContext db, Random r, string region, string countyName, int count, HashSet<string> usccs)
    {
        var totalWeight = IndustryWeights.Sum(w => w.Weight);
        for (var i = 0; i < count; i++)
        {
            var industry = Pick(r, totalWeight);
            var words = DemoCounty.IndustryWords[industry ?? DemoCounty.Industries[r.Next(DemoCounty.Industries.Length)]];
            var brand = DemoCounty.Brands[r.Next(DemoCounty.Brands.Length)] + (r.NextDouble() < 0.7 ? NameSyllables[r.Next(NameSyllables.Length)] : "");
            var branch = r.NextDouble() < 0.05 ? DemoCounty.Towns[r.Next(DemoCounty.Towns.Length)][..2] + "分公司" : "有限公司";
            db.Enterprises.Add(new Enterprise
            {
                RegionCode = region, Uscc = UniqueUscc(r, "91", region, usccs), Name = $"{countyName}{brand}{words[r.Next(words.Length)]}{branch}",
                Industry = industry, Address = $"{countyName}{DemoCounty.Towns[r.Next(DemoCounty.Towns.Length)]}{r.Next(1, 300)} 号",
                LegalRepresentative = DemoSeeder.Person(r), Phone = $"13{r.Next(100000000, 999999999)}", Version = NewGuid(r),
            });
        }
        return count;
    }

    private static string? Pick(Random r, int totalWeight)
    {
        var x = r.Next(totalWeight);
        foreach (var (industry, weight) in IndustryWeights)
        {
            if ((x -= weight) < 0)
            {
                return industry;
            }
        }
        return IndustryWeights[0].Industry;
    }

    private static string UniqueUscc(Random r, string prefix, string region, HashSet<string> seen)
    {
        string code;
        do
        {
            code = DemoSeeder.MakeUscc(r, prefix, region);
        }
        while (!seen.Add(code));
        return code;
    }

    private static Guid NewGuid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>One batch in its own context: no change detection, no audit chain (bench rows are not people's edits).</summary>
    private static async Task<T> WriteAsync<T>(IServiceProvider services, Func<SunlightDbContext, T> add, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var result = add(db);
        db.ChangeTracker.DetectChanges();
        await db.SaveWithoutAuditAsync(ct);
        return result;
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, AppUser user, string role)
    {
        user.LockoutEnabled = true;
        var created = await users.CreateAsync(user, AdminPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException($"cannot create bench user {user.UserName}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Fresh planner statistics, as a production database that has been running for a while has.</summary>
    private static async Task AnalyzeAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE" : "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }

    /// <summary>
    /// Starts from nothing: a SQLite file is deleted; a PostgreSQL database is dropped and created, but only when its
    /// name starts with "bench" so a mistyped connection string never drops a real database.
    /// </summary>
    private static async Task RecreateAsync(BenchDatabase database, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database.DatabaseName + suffix);
            }
            return;
        }
        var name = database.DatabaseName;
        if (!name.StartsWith("bench", StringComparison.Ordinal) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            throw new InvalidOperationException($"refusing to recreate PostgreSQL database '{name}': bench databases are named bench_*");
        }
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync(ct);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
