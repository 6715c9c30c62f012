using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Complaints.Deadlines;

/// <summary>
/// 到期提醒 before a deadline, 催办 on it, 督办 after it — for 受理 (against the bureau itself, to its Supervisors)
/// and for the assigned unit's reply. Keys carry the deadline, so an approved extension starts a fresh round; the
/// escalation ledger makes each key fire exactly once across app instances.
/// </summary>
internal sealed class ComplaintDeadlineJob(SunlightDbContext db, EscalationLedger ledger, WorkingCalendar calendar, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ComplaintOptions> options) : IScheduledJob
{
    public string Name => "complaint-deadlines";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var bureaus = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Supervisor)
            .GroupBy(u => u.RegionCode).Select(g => new { Region = g.Key, Id = g.Min(u => u.Id) }).ToDictionaryAsync(x => x.Region, x => x.Id, ct);
        var open = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Assigned)
            .Where(c => c.PausedOn == null) // a paused clock is neither reminded nor escalated
            .Select(c => new { c.Id, c.TrackingCode, c.RegionCode, c.State, c.AcceptDueDate, c.ResolveDueDate, c.AssignedUnitId })
            .ToListAsync(ct);
        foreach (var c in open)
        {
            var link = $"/Complaints/Detail/{c.Id}";
            if (c.State == ComplaintState.Assigned && c.AssignedUnitId is { } unit && c.ResolveDueDate is { } due)
            {
                if (Due(today, due, "resolve") is { } step)
                {
                    await ledger.RecordOnceAsync(new DueEscalation(
                        $"complaint:{c.Id}:resolve-{step.Key}:{due:yyyyMMdd}", step.Kind, unit, c.RegionCode, "Complaint", c.Id,
                        $"投诉 {c.TrackingCode} 办理期限 {due:yyyy-MM-dd}", due,
                        $"{Escalation.KindName(step.Kind)}：投诉 {c.TrackingCode}", step.Body(due), link, AlsoNotifySupervisors: step.Kind == EscalationKind.Supervise), ct);
                }
            }
            else if (c.State is ComplaintState.Received or ComplaintState.Accepted && bureaus.TryGetValue(c.RegionCode, out var bureau))
            {
                if (Due(today, c.AcceptDueDate, "accept") is { } step)
                {
                    var what = c.State == ComplaintState.Received ? "受理" : "交办";
                    await ledger.RecordOnceAsync(new DueEscalation(
                        $"complaint:{c.Id}:accept-{step.Key}:{c.AcceptDueDate:yyyyMMdd}", step.Kind, bureau, c.RegionCode, "Complaint", c.Id,
                        $"投诉 {c.TrackingCode} 应于 {c.AcceptDueDate:yyyy-MM-dd} 前{what}", c.AcceptDueDate,
                        $"{Escalation.KindName(step.Kind)}：投诉 {c.TrackingCode} 待{what}", step.Body(c.AcceptDueDate), link, AlsoNotifySupervisors: true), ct);
                }
            }
        }
    }

    private sealed record DueStep(string Key, EscalationKind Kind, Func<DateOnly, string> Body);

    private DueStep? Due(DateOnly today, DateOnly due, string what)
    {
        _ = what;
        if (today > due)
        {
            return new DueStep("supervise", EscalationKind.Supervise, d => $"已超过期限 {d:yyyy-MM-dd}，县司法局督办，请立即办理并说明逾期原因。");
        }
        if (today == due)
        {
            return new DueStep("urge", EscalationKind.Urge, d => $"今天（{d:yyyy-MM-dd}）是期限最后一天，请尽快办理。");
        }
        var remindFrom = calendar.WorkingDaysBetween(today, due) <= options.Value.RemindWorkingDaysBefore;
        return remindFrom ? new DueStep("remind", EscalationKind.Reminder, d => $"期限 {d:yyyy-MM-dd} 即将到期，请按时办理。") : null;
    }
}
