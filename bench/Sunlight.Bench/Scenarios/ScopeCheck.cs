using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Bench.Scenarios;

/// <summary>
/// `scope-check`: a diagnostic, not a timing. The scope filters use EF.Constant, so EF caches one SQL per scope shape;
/// this runs the same queries under every kind of caller, in three orders on one options instance (one query cache),
/// and fails when a caller sees different counts depending on who queried first. Uses registry-list's scale-10 data.
/// </summary>
internal static class ScopeCheck
{
    public static async Task<BenchResult> RunAsync(BenchOptions options)
    {
        var database = options.Database("registry-list", 10);
        if (database.Provider != DatabaseProvider.Sqlite || !File.Exists(database.DatabaseName))
        {
            Console.WriteLine($"generating scale 10 into {database.DatabaseName}");
            await BenchData.GenerateAsync(database, 10);
        }
        var dbOptions = new DbContextOptionsBuilder<SqliteSunlightDbContext>().UseSqlite(database.ConnectionString).Options;
        string uscc;
        await using (var system = new SqliteSunlightDbContext(dbOptions))
        {
            uscc = await system.Enterprises.Where(e => e.RegionCode == BenchData.QueriedRegion).Select(e => e.Uscc).FirstAsync();
        }
        var scopes = new List<(string Name, CallerScope Scope)>
        {
            ("system", CallerScope.System),
            ("supervisor", RegistryListScenario.SupervisorOf(BenchData.QueriedRegion)),
            ("other county's supervisor", RegistryListScenario.SupervisorOf(BenchData.CountyOf(1).Region)),
            ("enterprise", Caller(Roles.Enterprise, new Claim(SunlightClaims.Uscc, uscc))),
            ("unit staff", Caller(Roles.UnitStaff, new Claim(SunlightClaims.UnitId, "2"))),
            ("anonymous", CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity()))),
        };
        var seen = new Dictionary<string, HashSet<string>>();
        foreach (var order in new[] { scopes, Enumerable.Reverse(scopes).ToList(), scopes })
        {
            foreach (var (name, scope) in order)
            {
                await using var db = new SqliteSunlightDbContext(dbOptions, scope);
                var counts = $"{await db.Enterprises.CountAsync()} enterprises, {await db.Units.CountAsync()} units, {await db.Officers.CountAsync()} officers";
                Console.WriteLine($"  {name}: {counts}");
                (seen.TryGetValue(name, out var set) ? set : seen[name] = []).Add(counts);
            }
        }
        var inconsistent = seen.Count(s => s.Value.Count > 1);
        Console.WriteLine(inconsistent == 0 ? "every caller saw the same rows whatever ran first" : $"{inconsistent} callers saw different rows depending on order");
        return new BenchResult("scope-check", inconsistent, "inconsistent callers");
    }

    private static CallerScope Caller(string role, Claim extra) => CallerScope.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role), new Claim(SunlightClaims.Region, BenchData.QueriedRegion), extra], "bench")));
}
