using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Confidentiality;

/// <summary>
/// The one way to read a reporter's identity: Supervisors only, and every reading is written to the audit chain as
/// "ViewIdentity" (who, when, which complaint) before the identity is returned.
/// </summary>
internal sealed class ReporterIdentityReader(SunlightDbContext db, ComplaintAccess access, ReporterVault vault)
{
    public const string ViewIdentity = "ViewIdentity";

    /// <summary>Not found when the complaint is not visible to the caller or the caller may not see identities.</summary>
    public async Task<Outcome<ReporterDto>> ReadAsync(long complaintId, CancellationToken ct)
    {
        var complaint = access.SeesIdentity ? await access.Visible().FirstOrDefaultAsync(c => c.Id == complaintId, ct) : null;
        if (complaint is null)
        {
            return Outcome<ReporterDto>.Missing();
        }
        // Audited through the SaveChanges capture: the entry is committed before the identity is returned.
        db.RecordAudit(nameof(Complaint), complaint.Id.ToString(CultureInfo.InvariantCulture), ViewIdentity, null,
            new Dictionary<string, object?> { ["viewed"] = "ReporterIdentity", [nameof(Complaint.TrackingCode)] = complaint.TrackingCode });
        await db.SaveChangesAsync(ct);
        var identity = vault.Unprotect(complaint.ReporterProtected);
        return new ReporterDto(complaint.Id, complaint.IsAnonymous, identity?.Name, identity?.Phone, identity?.Email);
    }
}
