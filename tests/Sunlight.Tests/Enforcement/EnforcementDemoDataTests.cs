using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Registry;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>The demo county's cases: every unit, several kinds, two years, a realistic share breaking rules.</summary>
public sealed class EnforcementDemoDataTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task EveryUnit_HasCasesOfSeveralKinds_OverTwoYears_SomeBreakingRules()
    {
        var today = Today(app);
        var units = await app.Db(db => db.Units.Where(u => u.Kind == UnitKind.Enforcement).Select(u => u.Id).ToListAsync());
        // The register's last two years (the 2022 campaign's reviewed files are older and belong to its own demo).
        var since = today.AddYears(-2);
        var cases = await app.Db(db => db.EnforcementCases.AsNoTracking().Where(c => c.FiledOn >= since).Select(c => new { c.UnitId, c.Kind, c.FiledOn, c.PartyUscc, c.ActCode }).ToListAsync());
        Assert.All(units, u => Assert.Contains(cases, c => c.UnitId == u));
        Assert.True(cases.Select(c => c.Kind).Distinct().Count() >= 4);
        Assert.Contains(cases, c => c.FiledOn < today.AddYears(-1).AddDays(-30));
        Assert.All(cases, c => Assert.True(c.FiledOn <= today));
        Assert.All(cases, c => Assert.True(Uscc.IsValid(c.PartyUscc)));
        Assert.Equal(cases.Count, cases.Select(c => c.ActCode).Distinct().Count());

        var warned = await app.Db(db => db.Warnings.Where(w => w.State == WarningState.Open && w.Case!.FiledOn >= since).Select(w => w.CaseId).Distinct().CountAsync());
        var share = (double)warned / cases.Count;
        Assert.InRange(share, 0.1, 0.6);
        var rules = await app.Db(db => db.Warnings.Select(w => w.Rule).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { "P-OFFICERS", "P-90DAYS", "S-PUBLISH", "S-AUDIOVIDEO" }, rules.ToHashSet());
        // The review gate has something to show: decisions that needed 法制审核, nearly all with 同意.
        Assert.True(await app.Db(db => db.EnforcementCases.CountAsync(c => c.Reviews.Any(r => r.Outcome == ReviewOutcome.Approved))) > 5);
    }
}
