using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints;

/// <summary>
/// The one scoping mechanism for complaints (they have no unit until 交办, so the unit query filter cannot apply):
/// Supervisors, Admins and Observers see the county's complaints; UnitStaff only those assigned to their unit; an
/// Inspector those assigned to or about the units they see (their campaigns' units, by the unit query filter); everyone else (enterprise accounts, anonymous callers) none — the public reaches a complaint only by its
/// tracking code and PIN. Every endpoint and page that reads complaints starts from <see cref="Visible"/>.
/// </summary>
internal sealed class ComplaintAccess(SunlightDbContext db)
{
    private CallerScope Scope => db.Scope;

    private bool IsSystem => Scope.Roles.Count == 0 && Scope.UnitId is null && Scope.UserId is null;

    public bool IsUnitStaff => Scope.IsInRole(Roles.UnitStaff) && !IsCountyWide;

    public bool IsCountyWide => IsSystem || Scope.IsInRole(Roles.Supervisor) || Scope.IsInRole(Roles.Admin)
        || Scope.IsInRole(Roles.Observer);

    /// <summary>Only Supervisors ever see who filed a complaint (and only through the audited reader).</summary>
    public bool SeesIdentity => Scope.IsInRole(Roles.Supervisor);

    public bool CanHandleCounty => Scope.IsInRole(Roles.Supervisor);

    public long? UnitId => Scope.UnitId;

    public IQueryable<Complaint> Visible()
    {
        var set = db.Set<Complaint>();
        if (IsCountyWide)
        {
            return set;
        }
        if (Scope.IsInRole(Roles.UnitStaff))
        {
            var unit = Scope.UnitId ?? -1;
            return set.Where(c => c.AssignedUnitId == unit);
        }
        if (Scope.InspectorName is not null)
        {
            return set.Where(c => db.Units.Any(u => u.Id == c.AssignedUnitId || u.Id == c.ComplainedUnitId));
        }
        return set.Where(c => false);
    }

    /// <summary>An enterprise account's complaints: those naming its USCC, as the enterprise query filter narrows them
    /// (nothing for any other caller). The enterprise follows their progress; it reads neither the text nor who filed them.</summary>
    public IQueryable<Complaint> NamingOwnEnterprise() =>
        Scope.IsInRole(Roles.Enterprise) ? db.Set<Complaint>() : db.Set<Complaint>().Where(c => false);
}
