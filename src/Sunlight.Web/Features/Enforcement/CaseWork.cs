using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>
/// What every step on a case shares: loading the case with everything the rules read, checking the officers named for
/// an act, and the save that runs the legality rules and brings the case's warnings in line in the same transaction.
/// </summary>
internal sealed class CaseWork(SunlightDbContext db, LegalityChecker checker, TimeProvider clock)
{
    public SunlightDbContext Db => db;
    public LegalityChecker Checker => checker;
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ChinaTime.Today(clock);
    public string Actor => db.Scope.ActorName;

    /// <summary>A case with its milestones, officers (with credentials), extensions, reviews and records.</summary>
    public static IQueryable<EnforcementCase> Whole(IQueryable<EnforcementCase> cases) =>
        WithoutOfficerDetails(cases).Include(c => c.Officers).ThenInclude(o => o.Officer).ThenInclude(o => o!.Credentials);

    /// <summary>
    /// A case with everything the rules read except the officers' registry rows (<see cref="CaseOfficer.Officer"/> is
    /// left null): the sweep reads the registry once and attaches the officers itself instead of reading each officer
    /// and its credentials again for every case.
    /// </summary>
    public static IQueryable<EnforcementCase> WithoutOfficerDetails(IQueryable<EnforcementCase> cases) =>
        cases.Include(c => c.Milestones).Include(c => c.Officers).Include(c => c.Extensions).Include(c => c.Reviews).Include(c => c.Records).AsSplitQuery();

    /// <summary>The case in the caller's scope, tracked, with the version the caller saw; null when not found.</summary>
    public async Task<EnforcementCase?> LoadAsync(long id, Guid? version, CancellationToken ct)
    {
        var c = await Whole(db.EnforcementCases).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is not null && version is { } v)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = v;
        }
        return c;
    }

    /// <summary>
    /// The officers named for an act on <paramref name="on"/>: each of the case's unit (E-OFFICER), and each officer (not
    /// auxiliary staff) holding a 执法证 valid that day (E-CREDENTIAL). Refuses with a Chinese message naming the officer.
    /// </summary>
    public async Task<List<Officer>> OfficersForAsync(long unitId, IReadOnlyCollection<long> ids, DateOnly on, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var officers = await db.Officers.Include(o => o.Credentials).Where(o => ids.Contains(o.Id) && o.UnitId == unitId).ToListAsync(ct);
        if (ids.FirstOrDefault(id => officers.All(o => o.Id != id)) is var stranger && stranger != 0)
        {
            throw new RuleViolationException(EnforcementRules.OfficerUnit, $"执法人员（编号 {stranger}）不是本单位的执法人员。");
        }
        if (officers.FirstOrDefault(o => !o.IsAuxiliary && !o.Credentials.Any(k => k.IsValidOn(on))) is { } expired)
        {
            var last = expired.Credentials.OrderByDescending(k => k.ValidTo).FirstOrDefault();
            throw new RuleViolationException(EnforcementRules.Credential, last is null
                ? $"执法人员{expired.Name}没有执法证，不能实施执法行为。"
                : $"执法人员{expired.Name}的执法证（{last.Number}）在 {on:yyyy-MM-dd} 不在有效期内（{last.ValidFrom:yyyy-MM-dd} 至 {last.ValidTo:yyyy-MM-dd}）。");
        }
        return officers;
    }

    public static void AddOfficers(EnforcementCase c, IEnumerable<Officer> officers)
    {
        foreach (var o in officers.Where(o => c.Officers.All(x => x.OfficerId != o.Id)))
        {
            c.Officers.Add(new CaseOfficer { OfficerId = o.Id, Officer = o });
        }
    }

    /// <summary>Runs every rule on the case, updates its warnings, and saves the case with them (one transaction).</summary>
    public async Task CheckAndSaveAsync(EnforcementCase c, CancellationToken ct)
    {
        var book = await ThresholdBook.LoadAsync(db, ct);
        var existing = c.Id == 0 ? [] : await db.Warnings.Where(w => w.CaseId == c.Id).ToListAsync(ct);
        c.CheckedAt = Now;
        checker.Apply(db, c, book.For(c.UnitId, c.Sector), Today, existing, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>New cases (an import): each checked against every rule with its warnings, all saved in one transaction.</summary>
    public async Task CheckAndSaveAllAsync(IReadOnlyList<EnforcementCase> cases, CancellationToken ct)
    {
        var book = await ThresholdBook.LoadAsync(db, ct);
        foreach (var c in cases)
        {
            c.CheckedAt = Now;
            db.EnforcementCases.Add(c);
            checker.Apply(db, c, book.For(c.UnitId, c.Sector), Today, [], Now);
        }
        await db.SaveChangesAsync(ct);
    }
}
