using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Enforcement.Sweep;

/// <summary>What a sweep did: cases checked, warnings opened/updated/resolved.</summary>
internal sealed record SweepResult(long Cases, long WarningChanges);

/// <summary>
/// Re-checks every case against every rule (deadlines pass while nobody touches a case: "告知后第 5 个工作日", 90 days,
/// 7 WD to publish …). Streams the cases in keyset batches with what the rules read, never the whole table; each
/// batch's warning changes commit together, then the change tracker is emptied so memory stays flat.
/// </summary>
internal sealed class LegalitySweep(SunlightDbContext db, LegalityChecker checker, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public async Task<SweepResult> RunAsync(CancellationToken ct, int batchSize = BatchSize)
    {
        var book = await ThresholdBook.LoadAsync(db, ct);
        var today = ChinaTime.Today(clock);
        // The registry's officers with their credentials, once (a county has hundreds, the register hundreds of thousands of cases).
        var officers = await db.Officers.AsNoTracking().Include(o => o.Credentials).ToDictionaryAsync(o => o.Id, ct);
        long after = 0, cases = 0, changes = 0;
        while (true)
        {
            var batch = await CaseWork.WithoutOfficerDetails(db.EnforcementCases.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(batchSize)).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var ids = batch.Select(c => c.Id).ToList();
            var warnings = (await db.Warnings.Where(w => ids.Contains(w.CaseId)).ToListAsync(ct)).ToLookup(w => w.CaseId);
            var now = clock.GetUtcNow();
            foreach (var c in batch)
            {
                foreach (var o in c.Officers)
                {
                    o.Officer = officers.GetValueOrDefault(o.OfficerId);
                }
                changes += checker.Apply(db, c, book.For(c.UnitId, c.Sector), today, warnings[c.Id].ToList(), now);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            cases += batch.Count;
            after = ids[^1];
        }
        return new SweepResult(cases, changes);
    }
}

/// <summary>The daily sweep as a scheduled job (leased: one instance runs it).</summary>
internal sealed class LegalitySweepJob(LegalitySweep sweep) : IScheduledJob
{
    public string Name => "legality-sweep";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public Task RunAsync(CancellationToken ct) => sweep.RunAsync(ct);
}
