using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Overlaps;

/// <summary>Two inspections of one enterprise within the window: by two units (多头检查) or by one unit again (重复检查).</summary>
internal sealed record OverlapPair(long EnterpriseId, string EnterpriseName, long FirstId, long FirstUnitId, string FirstUnit, DateOnly FirstDate,
    long SecondId, long SecondUnitId, string SecondUnit, DateOnly SecondDate, bool SameUnit)
{
    public string KindText => SameUnit ? "重复检查" : "多头检查";
}

/// <summary>Planned inspections of one enterprise by several units in one window: Sunlight proposes one joint visit.</summary>
internal sealed record MergeProposal(long EnterpriseId, string EnterpriseName, IReadOnlyList<ProposedInspection> Inspections);

internal sealed record ProposedInspection(long Id, long UnitId, string UnitName, DateOnly VisitDate, string StateText);

/// <summary>One enterprise's inspections in a year (the burden view), and the county's most-inspected enterprises.</summary>
internal sealed record BurdenRow(long EnterpriseId, string EnterpriseName, int Total, int Units, IReadOnlyList<UnitTally> ByUnit);

internal sealed record UnitTally(long UnitId, string UnitName, int Count);

/// <summary>
/// County-wide detection for the Supervisor (scope: the caller's; the Supervisor sees the county). Pairs are found in the
/// database by a self-join on the enterprise within ±window days; a joint inspection's members are not an overlap.
/// </summary>
internal sealed class OverlapDetection(SunlightDbContext db, InspectionSettings settings, InspectionQueries queries)
{
    // Init properties, not a positional record: EF translates ordering and filtering on a member-init projection.
    internal sealed class Pair
    {
        public long EnterpriseId { get; init; }
        public long FirstId { get; init; }
        public long FirstUnitId { get; init; }
        public DateOnly FirstDate { get; init; }
        public long SecondId { get; init; }
        public long SecondUnitId { get; init; }
        public DateOnly SecondDate { get; init; }
    }

    internal IQueryable<Pair> Pairs(DateOnly start, DateOnly end, int window, bool plannedOnly)
    {
        var inspections = db.Set<Inspection>().AsNoTracking().Where(i => i.Type != InspectionType.Visit);
        if (plannedOnly)
        {
            inspections = inspections.Where(i => i.State != InspectionState.Done && i.JointInspectionId == null);
        }
        return from a in inspections
               join b in inspections on a.EnterpriseId equals b.EnterpriseId
               // b in [a's day, a's day + window] is one index range; the same day counts once (the later id).
               where a.VisitDate >= start && a.VisitDate <= end
                     && b.VisitDate >= a.VisitDate && b.VisitDate <= a.VisitDate.AddDays(window) && (b.VisitDate > a.VisitDate || b.Id > a.Id)
                     && (a.JointInspectionId == null || b.JointInspectionId == null || a.JointInspectionId != b.JointInspectionId)
                     && (a.UnitId != b.UnitId || ((a.Type == InspectionType.Routine || a.Type == InspectionType.Special) && (b.Type == InspectionType.Routine || b.Type == InspectionType.Special)))
               select new Pair { EnterpriseId = a.EnterpriseId, FirstId = a.Id, FirstUnitId = a.UnitId, FirstDate = a.VisitDate, SecondId = b.Id, SecondUnitId = b.UnitId, SecondDate = b.VisitDate };
    }

    public int Window(int? requested) => Math.Clamp(requested ?? settings.OverlapWindowDays, 1, 366);

    /// <summary>
    /// One page of the overlapping pairs whose first visit falls in [from, to], newest first (first visit's date, then its id,
    /// then the second's id). Pairs share their first inspection, so the cursor is the pair (<see cref="OverlapCursor"/>).
    /// </summary>
    public async Task<Page<OverlapPair>> PageAsync(DateOnly from, DateOnly to, int? window, long? after, int? limit, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var pairs = Pairs(from, to, Window(window), false);
        var total = await pairs.CappedCountAsync(ct);
        if (after is { } cursor)
        {
            var (firstId, secondId) = OverlapCursor.Decode(cursor);
            var firstDate = await db.Set<Inspection>().Where(i => i.Id == firstId).Select(i => (DateOnly?)i.VisitDate).FirstOrDefaultAsync(ct);
            if (firstDate is not { } day)
            {
                return new Page<OverlapPair>([], null, total);
            }
            pairs = pairs.Where(p => p.FirstDate < day || (p.FirstDate == day && (p.FirstId < firstId || (p.FirstId == firstId && p.SecondId < secondId))));
        }
        var rows = await pairs.OrderByDescending(p => p.FirstDate).ThenByDescending(p => p.FirstId).ThenByDescending(p => p.SecondId).Take(take + 1).ToListAsync(ct);
        var page = Paging.ToPage(rows, take, p => OverlapCursor.Encode(p.FirstId, p.SecondId), total);
        var named = await NameAsync(page.Items, ct);
        return new Page<OverlapPair>(named, page.NextCursor, page.Total, page.TotalCapped);
    }

    /// <summary>The number of overlapping pairs (the bench's county-wide figure).</summary>
    public Task<int> CountAsync(DateOnly from, DateOnly to, int? window, CancellationToken ct) => Pairs(from, to, Window(window), false).CountAsync(ct);

    private async Task<IReadOnlyList<OverlapPair>> NameAsync(IReadOnlyList<Pair> pairs, CancellationToken ct)
    {
        var units = await db.UnitNamesAsync(pairs.SelectMany(p => new long?[] { p.FirstUnitId, p.SecondUnitId }), ct);
        var enterprises = await queries.EnterpriseNamesAsync(pairs.Select(p => p.EnterpriseId), ct);
        return pairs.Select(p => new OverlapPair(p.EnterpriseId, enterprises.GetValueOrDefault(p.EnterpriseId, ""), p.FirstId, p.FirstUnitId,
            units.GetValueOrDefault(p.FirstUnitId, ""), p.FirstDate, p.SecondId, p.SecondUnitId, units.GetValueOrDefault(p.SecondUnitId, ""), p.SecondDate,
            p.FirstUnitId == p.SecondUnitId)).ToList();
    }

    /// <summary>Merge proposals: planned (not done, not yet joint) inspections of one enterprise by two or more units from today on.</summary>
    public async Task<IReadOnlyList<MergeProposal>> ProposalsAsync(DateOnly today, int? window, CancellationToken ct)
    {
        var pairs = await Pairs(today, today.AddYears(1), Window(window), true).Where(p => p.FirstUnitId != p.SecondUnitId).OrderBy(p => p.FirstDate).ThenBy(p => p.FirstId).Take(1000).ToListAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var rows = await db.Set<Inspection>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.UnitId, i.EnterpriseId, i.VisitDate, i.State }).ToListAsync(ct);
        var units = await db.UnitNamesAsync(rows.Select(r => (long?)r.UnitId), ct);
        var enterprises = await queries.EnterpriseNamesAsync(rows.Select(r => r.EnterpriseId), ct);
        return rows.GroupBy(r => r.EnterpriseId)
            .Select(g => new MergeProposal(g.Key, enterprises.GetValueOrDefault(g.Key, ""), g.OrderBy(r => r.VisitDate)
                .Select(r => new ProposedInspection(r.Id, r.UnitId, units.GetValueOrDefault(r.UnitId, ""), r.VisitDate, InspectionText.State(r.State))).ToList()))
            .OrderBy(p => p.Inspections[0].VisitDate).ToList();
    }

    /// <summary>The most-inspected enterprises of <paramref name="year"/> (all types count in the burden), with their units.</summary>
    public async Task<IReadOnlyList<BurdenRow>> BurdenAsync(int year, long? enterpriseId, int top, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var tallies = await db.Set<Inspection>().AsNoTracking()
            .Where(i => i.VisitDate >= from && i.VisitDate <= to && (enterpriseId == null || i.EnterpriseId == enterpriseId))
            .GroupBy(i => new { i.EnterpriseId, i.UnitId }).Select(g => new { g.Key.EnterpriseId, g.Key.UnitId, Count = g.Count() }).ToListAsync(ct);
        var ranked = tallies.GroupBy(t => t.EnterpriseId).OrderByDescending(g => g.Sum(t => t.Count)).ThenBy(g => g.Key).Take(top).ToList();
        var units = await db.UnitNamesAsync(ranked.SelectMany(g => g.Select(t => (long?)t.UnitId)), ct);
        var enterprises = await queries.EnterpriseNamesAsync(ranked.Select(g => g.Key), ct);
        return ranked.Select(g => new BurdenRow(g.Key, enterprises.GetValueOrDefault(g.Key, ""), g.Sum(t => t.Count), g.Count(),
            g.OrderByDescending(t => t.Count).Select(t => new UnitTally(t.UnitId, units.GetValueOrDefault(t.UnitId, ""), t.Count)).ToList())).ToList();
    }
}

/// <summary>
/// The overlaps list's keyset cursor: a pair is (first id, second id), and both fit in the one <c>after</c> number as the
/// high and low 32 bits (inspection ids stay far below 2³² in a county).
/// </summary>
internal static class OverlapCursor
{
    public static long Encode(long firstId, long secondId) => firstId is >= 0 and <= int.MaxValue && secondId is >= 0 and <= uint.MaxValue
        ? firstId << 32 | secondId
        : throw new ArgumentOutOfRangeException(nameof(firstId), "inspection ids beyond the cursor's 32 bits");

    public static (long FirstId, long SecondId) Decode(long cursor) => ((long)((ulong)cursor >> 32), (long)((ulong)cursor & uint.MaxValue));
}

internal static class OverlapEndpoints
{
    public static void MapOverlaps(this RouteGroupBuilder inspections)
    {
        var g = inspections.MapGroup("").RequireAuthorization(InspectionPolicies.Supervise);
        g.MapGet("/overlaps", (DateOnly? from, DateOnly? to, int? window, long? after, int? limit, OverlapDetection detect, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            return detect.PageAsync(from ?? today.AddYears(-1), to ?? today.AddYears(1), window, after, limit, ct);
        }).WithSummary("多头检查、重复检查（默认窗口 30 日；按首次检查日期最新在前，after 为上一页的 nextCursor）");
        g.MapGet("/joint/proposals", (int? window, OverlapDetection detect, TimeProvider clock, CancellationToken ct) =>
            detect.ProposalsAsync(ChinaTime.Today(clock), window, ct)).WithSummary("联合检查合并建议");
        g.MapGet("/burden", (int? year, long? enterpriseId, OverlapDetection detect, TimeProvider clock, CancellationToken ct) =>
            detect.BurdenAsync(Math.Clamp(year ?? ChinaTime.Today(clock).Year, 2000, 2100), enterpriseId, 50, ct)).WithSummary("企业受检负担（被检查最多的企业）");
    }
}
