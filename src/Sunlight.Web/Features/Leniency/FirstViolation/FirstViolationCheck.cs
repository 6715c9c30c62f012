using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.FirstViolation;

/// <summary>An earlier violation found by the check: in the case register (执法案件) or the exemption ledger (免罚案件).</summary>
internal sealed record PriorViolation(string Ledger, long Id, string Number, long UnitId, string UnitName, string ItemName, DateOnly On)
{
    public string Text => $"{UnitName}{Ledger} {Number}（{ItemName}，{On:yyyy-MM-dd}）";
}

/// <summary>
/// The check's answer: whether this is a first violation in the unit (no earlier violation of the item by the enterprise
/// after <paramref name="WindowFrom"/>), the latest earlier one if not, and — information only, beyond the legal
/// minimum — the enterprise's violations recorded by the county's other units in the window.
/// </summary>
internal sealed record FirstViolationResult(bool IsFirst, int WindowMonths, DateOnly WindowFrom, PriorViolation? Earlier, IReadOnlyList<PriorViolation> OtherUnits);

/// <summary>
/// 首违认定: no earlier violation of the same item by the same enterprise in this unit within the window (default 12
/// months, <see cref="LeniencySetting"/>), looking at the case register (行政处罚 cases, dated by the violation or else
/// the filing) and the exemption ledger. A date is in the window when it is after today minus the window.
/// </summary>
internal sealed class FirstViolationCheck(SunlightDbContext db, TimeProvider clock)
{
    public const string Rule = "P-FIRST";
    public const int OtherUnitsShown = 50;

    public async Task<int> WindowMonthsAsync(string region, CancellationToken ct) =>
        await db.Set<LeniencySetting>().AsNoTracking().Where(s => s.RegionCode == region).Select(s => (int?)s.FirstViolationMonths).FirstOrDefaultAsync(ct)
        ?? LeniencySetting.DefaultWindowMonths;

    public async Task<FirstViolationResult> CheckAsync(long unitId, string region, string uscc, string itemName, long? exceptExemption, CancellationToken ct)
    {
        var months = await WindowMonthsAsync(region, ct);
        var from = ChinaTime.Today(clock).AddMonths(-months);
        var earlier = await EarlierInUnitAsync(db, unitId, uscc, itemName, from, exceptExemption, ct);
        var cases = await db.AcrossUnits<EnforcementCase>()
            .Where(c => c.RegionCode == region && c.PartyUscc == uscc && c.UnitId != unitId && c.Kind == CaseKind.Penalty && (c.ViolationOn ?? c.FiledOn) > from)
            .OrderByDescending(c => c.ViolationOn ?? c.FiledOn).Take(OtherUnitsShown)
            .Select(c => new PriorViolation("执法案件", c.Id, c.Number, c.UnitId, "", c.ItemName, (c.ViolationOn ?? c.FiledOn)!.Value)).ToListAsync(ct);
        var exemptions = await db.AcrossUnits<ExemptionCase>()
            .Where(e => e.RegionCode == region && e.Uscc == uscc && e.UnitId != unitId && e.ViolationOn > from)
            .OrderByDescending(e => e.ViolationOn).Take(OtherUnitsShown)
            .Select(e => new PriorViolation("免罚案件", e.Id, e.Number, e.UnitId, "", e.ItemName, e.ViolationOn)).ToListAsync(ct);
        var others = cases.Concat(exemptions).OrderByDescending(p => p.On).Take(OtherUnitsShown).ToList();
        var names = await db.UnitNamesAsync(others.Select(o => (long?)o.UnitId).Append(earlier?.UnitId), ct);
        PriorViolation Named(PriorViolation p) => p with { UnitName = names.GetValueOrDefault(p.UnitId, "") };
        return new FirstViolationResult(earlier is null, months, from, earlier is null ? null : Named(earlier), others.Select(Named).ToList());
    }

    /// <summary>
    /// The latest earlier violation of the item by the enterprise in the unit after <paramref name="from"/>, in either
    /// ledger (a case before an exemption of the same day): one statement, both ledgers in a UNION ALL.
    /// </summary>
    public static async Task<PriorViolation?> EarlierInUnitAsync(SunlightDbContext db, long unitId, string uscc, string itemName, DateOnly from, long? exceptExemption, CancellationToken ct)
    {
        var except = exceptExemption ?? 0;
        var row = await db.EnforcementCases.AsNoTracking()
            .Where(c => c.PartyUscc == uscc && c.UnitId == unitId && c.Kind == CaseKind.Penalty && c.ItemName == itemName && (c.ViolationOn ?? c.FiledOn) > from)
            .Select(c => new PriorRow { Ledger = 0, Id = c.Id, Number = c.Number, On = (c.ViolationOn ?? c.FiledOn)!.Value })
            .Concat(db.Set<ExemptionCase>().AsNoTracking()
                .Where(e => e.Uscc == uscc && e.UnitId == unitId && e.ItemName == itemName && e.ViolationOn > from && e.Id != except)
                .Select(e => new PriorRow { Ledger = 1, Id = e.Id, Number = e.Number, On = e.ViolationOn }))
            .OrderByDescending(p => p.On).ThenBy(p => p.Ledger).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new PriorViolation(row.Ledger == 0 ? "执法案件" : "免罚案件", row.Id, row.Number, unitId, "", itemName, row.On);
    }

    private sealed class PriorRow
    {
        public int Ledger { get; init; }
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public DateOnly On { get; init; }
    }
}

internal static class FirstViolationEndpoint
{
    public static void MapFirstViolationCheck(this RouteGroupBuilder g) =>
        g.MapGet("/first-violation", async Task<Results<Ok<FirstViolationResult>, ValidationProblem, ProblemHttpResult>> (string? uscc, long? listItemId,
                FirstViolationCheck check, SunlightDbContext db, CancellationToken ct) =>
            {
                if (Registry.Uscc.Validate(uscc) is { } error)
                {
                    return ApiErrors.Invalid("uscc", error);
                }
                var item = await db.Set<ListItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == listItemId, ct);
                return item is null
                    ? ApiErrors.NotFound("清单事项")
                    : TypedResults.Ok(await check.CheckAsync(item.UnitId, item.RegionCode, uscc!, item.Name, null, ct));
            })
            .RequireAuthorization(LeniencyPolicies.Manage)
            .WithSummary("首违认定预查：本单位同一企业同一事项在期限内的违法记录（执法案件与免罚台账），及本县其他单位的记录（仅供参考）");
}
