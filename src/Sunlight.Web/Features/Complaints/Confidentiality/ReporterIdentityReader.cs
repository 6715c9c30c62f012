using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Confidentiality;

/// <summary>
/// The one way to read a reporter's identity: Supervisors only, and every reading is written to the audit chain as
/// "ViewIdentity" (who, when, which complaint) before the identity is returned.
/// </summary>
public sealed class ReporterIdentityReader(SunlightDbContext db, ComplaintAccess access, ReporterVault vault)
{
    public const string ViewIdentity = "ViewIdentity";

    /// <summary>Null when the complaint is not visible to the caller or the caller is not a Supervisor.</summary>
    public async Task<(bool Found, ReporterIdentity? Identity, bool Anonymous)> ReadAsync(long complaintId, CancellationToken ct)
    {
        if (!access.SeesIdentity)
        {
            return (false, null, false);
        }
        var complaint = await access.Visible().FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return (false, null, false);
        }
        // Audited through the SaveChanges capture: the entry is committed before the identity is returned.
        db.RecordAudit(nameof(Complaint), complaint.Id.ToString(CultureInfo.InvariantCulture), ViewIdentity, null,
            new Dictionary<string, object?> { ["viewed"] = "ReporterIdentity", [nameof(Complaint.TrackingCode)] = complaint.TrackingCode });
        await db.SaveChangesAsync(ct);
        return (true, vault.Unprotect(complaint.ReporterProtected), complaint.IsAnonymous);
    }
}
