using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Escalations;

/// <summary>What an automatic escalation is about: its unique key, target unit, subject and the message to send.</summary>
internal sealed record DueEscalation(
    string Key, EscalationKind Kind, long UnitId, string RegionCode, string? SubjectType, long? SubjectId,
    string Reason, DateOnly? DueDate, string Title, string Body, string? Link, bool AlsoNotifySupervisors);

/// <summary>
/// The one escalation mechanism that problems, complaints and later features share. Automatic escalations are
/// recorded once per key: the escalation row and its notifications commit together, and a second instance that
/// races for the same key loses on the unique index and writes nothing.
/// </summary>
internal sealed class EscalationLedger(SunlightDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Records the escalation and notifies the unit (and Supervisors for 督办); false when it already exists.</summary>
    public async Task<bool> RecordOnceAsync(DueEscalation due, CancellationToken ct)
    {
        if (await db.IsTakenAsync<Escalation>(e => e.Key == due.Key, ct))
        {
            return false;
        }
        db.Set<Escalation>().Add(new Escalation
        {
            Key = due.Key, Kind = due.Kind, UnitId = due.UnitId, RegionCode = due.RegionCode,
            SubjectType = due.SubjectType, SubjectId = due.SubjectId, Reason = due.Reason, DueDate = due.DueDate,
            CreatedAt = clock.GetUtcNow(), CreatedBy = "系统",
        });
        await notifier.ToUnitAsync(due.UnitId, due.Title, due.Body, due.Link, ct);
        if (due.AlsoNotifySupervisors)
        {
            await notifier.ToRoleAsync(Roles.Supervisor, due.Title, due.Body, due.Link, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance recorded the same key between our check and our insert: nothing of ours was written.
            if (await KeyExistsAsync(due.Key))
            {
                return false;
            }
            throw;
        }
    }

    /// <summary>A Supervisor's 约谈 or 移送 (or a manual 督办) against a unit, optionally about one subject.</summary>
    public async Task<Escalation> RecordManualAsync(EscalationKind kind, long unitId, string? subjectType, long? subjectId, string reason, string link, CancellationToken ct)
    {
        var unit = await db.Units.SingleAsync(u => u.Id == unitId, ct);
        var e = new Escalation
        {
            Kind = kind, UnitId = unitId, RegionCode = unit.RegionCode, SubjectType = subjectType, SubjectId = subjectId,
            Reason = reason, CreatedAt = clock.GetUtcNow(), CreatedBy = db.Scope.ActorName,
        };
        db.Set<Escalation>().Add(e);
        var title = $"{Escalation.KindName(kind)}：{unit.Name}";
        await notifier.ToUnitAsync(unitId, title, reason, link, ct);
        if (kind == EscalationKind.Referral)
        {
            await notifier.ToRoleAsync(Roles.Observer, title, reason, link, ct);
        }
        await db.SaveChangesAsync(ct);
        return e;
    }

    private async Task<bool> KeyExistsAsync(string key)
    {
        db.ChangeTracker.Clear();
        return await db.IsTakenAsync<Escalation>(e => e.Key == key, CancellationToken.None);
    }
}
