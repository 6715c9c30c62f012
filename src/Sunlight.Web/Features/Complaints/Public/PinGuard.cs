using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Public;

/// <summary>
/// Online guessing of a complaint's PIN, per tracking code: after <see cref="MaxFailures"/> wrong PINs the code is
/// locked for <see cref="LockTime"/> (C-PIN-LOCKED; a Supervisor may unlock it at once). The count is kept on the
/// complaint, so it holds across clients and restarts; a right PIN resets it, and one more wrong PIN after a lock
/// locks again. The counters are written by one UPDATE (atomic under concurrent guesses), outside the audit log: they
/// are throttle state, not part of the complaint's record.
/// </summary>
internal sealed class PinGuard(SunlightDbContext db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const string LockedRule = "C-PIN-LOCKED";
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(30);

    /// <summary>The complaint when the PIN is right; Missing for a wrong code or PIN (indistinguishable); Refused when locked.</summary>
    public async Task<Outcome<Complaint>> CheckAsync(Complaint? complaint, string? pin, CancellationToken ct)
    {
        if (complaint is null)
        {
            return Outcome<Complaint>.Missing();
        }
        var now = clock.GetUtcNow();
        if (complaint.PinLockedUntil is { } until && until > now)
        {
            return Outcome<Complaint>.Refused(LockedRule, $"查询密码错误次数过多，该查询码已锁定至 {ChinaTime.Format(until)}；如需立即查询，请联系受理投诉的司法局。");
        }
        var row = db.PublicLookup<Complaint>().Where(c => c.Id == complaint.Id);
        if (ComplaintCodes.VerifyPin(complaint.PinHash, pin))
        {
            if (complaint.PinFailures > 0)
            {
                await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.PinFailures, 0), ct);
            }
            return complaint;
        }
        var lockUntil = now + LockTime;
        await row.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PinLockedUntil, c => c.PinFailures + 1 >= MaxFailures ? lockUntil : c.PinLockedUntil)
            .SetProperty(c => c.PinFailures, c => c.PinFailures + 1), ct);
        return Outcome<Complaint>.Missing();
    }
}
