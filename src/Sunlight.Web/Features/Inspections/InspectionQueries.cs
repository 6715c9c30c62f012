using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

internal sealed record NamedItem(long Id, string Code, string Name, string LegalBasis);

internal sealed record NamedOfficer(long Id, string Name, string? CredentialNumber);

/// <summary>One inspection as staff see it (API and pages).</summary>
internal sealed record InspectionDto(long Id, long UnitId, string UnitName, long EnterpriseId, string EnterpriseName, InspectionType Type, string TypeText,
    string? Trigger, string Purpose, InspectionMode Mode, string ModeText, DateOnly VisitDate, InspectionState State, string StateText, string? Code,
    IReadOnlyList<NamedItem> Items, IReadOnlyList<NamedOfficer> Officers, IReadOnlyList<string> Warnings, bool IsBackfill, string? BackfillReason,
    string? ApprovedBy, bool ApprovedAfterVisit, InspectionOutcome? Outcome, string OutcomeText, string? ResultNote, long? PlanId, long? JointInspectionId, Guid Version);

/// <summary>A row of the inspection list.</summary>
internal sealed record InspectionRow(long Id, long UnitId, string UnitName, long EnterpriseId, string EnterpriseName, string TypeText, DateOnly VisitDate,
    string StateText, string? Code, IReadOnlyList<string> Warnings, bool IsBackfill, bool ApprovedAfterVisit);

/// <summary>Reads of inspections in the caller's scope (UnitStaff: own unit; the Supervisor: the county).</summary>
internal sealed class InspectionQueries(SunlightDbContext db)
{
    private sealed record RowKeys(long Id, long UnitId, long EnterpriseId, InspectionType Type, DateOnly VisitDate, InspectionState State, string? Code,
        List<string> Warnings, bool IsBackfill, bool ApprovedAfterVisit);

    public async Task<Page<InspectionRow>> ListAsync(IQueryable<Inspection> filtered, long? after, int? limit, CancellationToken ct)
    {
        var page = await filtered.KeysetAsync(i => i.Id, true, after, limit,
            i => new RowKeys(i.Id, i.UnitId, i.EnterpriseId, i.Type, i.VisitDate, i.State, i.Code, i.Warnings, i.IsBackfill, i.ApprovedAfterVisit), r => r.Id, ct);
        var units = await db.UnitNamesAsync(page.Items.Select(r => (long?)r.UnitId), ct);
        var enterprises = await EnterpriseNamesAsync(page.Items.Select(r => r.EnterpriseId), ct);
        return page.Map(r => new InspectionRow(r.Id, r.UnitId, units.GetValueOrDefault(r.UnitId, ""), r.EnterpriseId, enterprises.GetValueOrDefault(r.EnterpriseId, ""),
            InspectionText.Type(r.Type), r.VisitDate, InspectionText.State(r.State), r.Code, r.Warnings, r.IsBackfill, r.ApprovedAfterVisit));
    }

    /// <summary>Non-enforcement visits (调研、宣传、座谈), optionally of one enterprise.</summary>
    public IQueryable<Inspection> Visits(long? enterpriseId) =>
        Filter(enterpriseId, null).Where(i => i.Type == InspectionType.Visit);

    public IQueryable<Inspection> Filter(long? enterpriseId, InspectionState? state) =>
        db.Set<Inspection>().AsNoTracking()
            .Where(i => enterpriseId == null || i.EnterpriseId == enterpriseId)
            .Where(i => state == null || i.State == state);

    public async Task<InspectionDto?> DetailAsync(long id, CancellationToken ct) =>
        await db.Set<Inspection>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } i ? await ToDtoAsync(i, ct) : null;

    public async Task<InspectionDto> ToDtoAsync(Inspection i, CancellationToken ct)
    {
        var units = await db.UnitNamesAsync([i.UnitId], ct);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == i.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? "";
        var items = await db.InspectionItems.AsNoTracking().Where(x => i.ItemIds.Contains(x.Id))
            .Select(x => new NamedItem(x.Id, x.Code, x.Name, x.LegalBasis)).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => i.OfficerIds.Contains(o.Id))
            .Select(o => new NamedOfficer(o.Id, o.Name, o.Credentials.OrderByDescending(c => c.ValidTo).Select(c => c.Number).FirstOrDefault())).ToListAsync(ct);
        return new InspectionDto(i.Id, i.UnitId, units.GetValueOrDefault(i.UnitId, ""), i.EnterpriseId, enterprise, i.Type, InspectionText.Type(i.Type),
            i.Trigger, i.Purpose, i.Mode, InspectionText.Mode(i.Mode), i.VisitDate, i.State, InspectionText.State(i.State), i.Code, items, officers,
            i.Warnings, i.IsBackfill, i.BackfillReason, i.ApprovedBy, i.ApprovedAfterVisit, i.Outcome, InspectionText.Outcome(i.Outcome), i.ResultNote,
            i.PlanId, i.JointInspectionId, i.Version);
    }

    public async Task<IReadOnlyDictionary<long, string>> EnterpriseNamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Enterprises.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    /// <summary>The unit's published items and its officers (qualified on <paramref name="date"/> or not), for the forms.</summary>
    public async Task<(List<InspectionItem> Items, List<Officer> Officers)> UnitChoicesAsync(long unitId, CancellationToken ct) =>
        (await db.InspectionItems.AsNoTracking().Where(i => i.UnitId == unitId).OrderBy(i => i.Code).ToListAsync(ct),
         await db.Officers.AsNoTracking().Include(o => o.Credentials).Where(o => o.UnitId == unitId && o.IsActive).OrderBy(o => o.Name).ToListAsync(ct));
}
