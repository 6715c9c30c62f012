using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Confidentiality;

/// <summary>
/// The one way to read a reporter's identity: Supervisors only, and every reading is written to the audit chain as
/// "ViewIdentity" (who, when, which complaint) before the identity is returned.
/// </summary>
public sealed class ReporterIdentityReader(SunlightDbContext db, ComplaintAccess access, ReporterVault vault, TimeProvider clock)
{
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
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var after = JsonSerializer.Serialize(new { viewed = "ReporterIdentity", complaint.TrackingCode });
            await AuditChain.AppendAsync(db, [new PendingAudit(db.Entry(complaint), "ViewIdentity", null, after)], db.Scope.ActorName, clock.GetUtcNow(), ct);
            await tx.CommitAsync(ct);
        }
        return (true, vault.Unprotect(complaint.ReporterProtected), complaint.IsAnonymous);
    }
}
