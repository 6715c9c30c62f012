using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// The thresholds of one county, loaded once (a handful of rows): the most specific row wins — unit and sector, unit,
/// sector, county — and with no row at all the shipped defaults of domain-rules.md apply.
/// </summary>
internal sealed class ThresholdBook(IReadOnlyList<LegalityThresholds> rows)
{
    private static readonly LegalityThresholds Shipped = new();

    public static async Task<ThresholdBook> LoadAsync(SunlightDbContext db, CancellationToken ct) =>
        new(await db.Set<LegalityThresholds>().AsNoTracking().ToListAsync(ct));

    public LegalityThresholds For(long unitId, string? sector) =>
        rows.FirstOrDefault(r => r.UnitId == unitId && sector != null && r.Sector == sector)
        ?? rows.FirstOrDefault(r => r.UnitId == unitId && r.Sector == null)
        ?? rows.FirstOrDefault(r => r.UnitId == null && sector != null && r.Sector == sector)
        ?? rows.FirstOrDefault(r => r.UnitId == null && r.Sector == null)
        ?? Shipped;
}

/// <summary>
/// Runs every rule on a case and brings its warnings in line: a failing rule opens a warning (or reopens a resolved one,
/// or updates the open one's text); a rule that holds again resolves its open warning; a dismissed warning stays
/// dismissed (the Supervisor decided). Nothing is saved here: the caller's one SaveChanges commits the record and its warnings.
/// </summary>
internal sealed class LegalityChecker(IEnumerable<ILegalityRule> rules, WorkingCalendar calendar)
{
    public IReadOnlyList<ILegalityRule> Rules { get; } = rules.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    public ILegalityRule? Find(string code) => Rules.FirstOrDefault(r => r.Code == code);

    public IEnumerable<(ILegalityRule Rule, Finding Finding)> Evaluate(EnforcementCase c, LegalityThresholds thresholds, DateOnly today)
    {
        var ctx = new RuleContext(today, calendar, thresholds);
        foreach (var rule in Rules)
        {
            if (rule.Check(c, ctx) is { } finding)
            {
                yield return (rule, finding);
            }
        }
    }

    /// <summary>Applies the findings to the case's warnings (tracked, from <paramref name="existing"/>); new ones are added to <paramref name="db"/>.</summary>
    public int Apply(SunlightDbContext db, EnforcementCase c, LegalityThresholds thresholds, DateOnly today, IReadOnlyList<Warning> existing, DateTimeOffset now)
    {
        var changed = 0;
        var found = Evaluate(c, thresholds, today).ToDictionary(f => f.Rule.Code, StringComparer.Ordinal);
        foreach (var w in existing)
        {
            if (w.IsOpen && !found.ContainsKey(w.Rule))
            {
                w.Resolve(now);
                changed++;
            }
        }
        foreach (var (code, (rule, finding)) in found)
        {
            var w = existing.Where(x => x.Rule == code).OrderByDescending(x => x.Id).FirstOrDefault();
            if (w is null)
            {
                db.Set<Warning>().Add(new Warning
                {
                    RegionCode = c.RegionCode, UnitId = c.UnitId, CaseId = c.Id, Case = c.Id == 0 ? c : null, Rule = code, Severity = rule.Severity,
                    Message = finding.Message, DueOn = finding.DueOn, IsApproaching = finding.IsApproaching, RaisedAt = now,
                });
                changed++;
                continue;
            }
            if (w.State == WarningState.Dismissed)
            {
                continue;
            }
            if (w.State == WarningState.Resolved)
            {
                w.Reopen(now);
                changed++;
            }
            if (w.Message != finding.Message || w.IsApproaching != finding.IsApproaching || w.DueOn != finding.DueOn)
            {
                w.Message = finding.Message;
                w.IsApproaching = finding.IsApproaching;
                w.DueOn = finding.DueOn;
                changed++;
            }
        }
        return changed;
    }
}
