using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Problems.Deadlines;

/// <summary>
/// Reminds before the deadline (default 3 WD), 催办 on the deadline day, 督办 once it is overdue, and 催办 a unit that
/// has proposed no measures in time. Every escalation is keyed by problem, kind and due date, so it fires exactly
/// once however often and on however many instances the job runs; a new deadline (after a reopen) gets new keys.
/// </summary>
internal sealed class ProblemDeadlineJob(SunlightDbContext db, EscalationLedger escalations, WorkingCalendar calendar, ProblemSettings settings, TimeProvider clock) : IScheduledJob
{
    public string Name => "problem-deadlines";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(30);
        var problems = db.Set<Problem>().AsNoTracking();
        var open = await problems.Where(p => p.State == ProblemState.Rectifying && p.PausedOn == null && p.Deadline <= horizon).Union(problems.WherePlanLate(today))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Number, p.UnitId, p.RegionCode, p.State, p.Deadline, p.PlanDueOn, p.Category })
            .ToListAsync(ct);
        foreach (var p in open)
        {
            var link = Problem.DetailsLink(p.Number);
            if (p.State == ProblemState.Raised)
            {
                await escalations.RecordOnceAsync(new DueEscalation(
                    $"problem:{p.Id}:noplan:{p.PlanDueOn:yyyyMMdd}", EscalationKind.Urge, p.UnitId, p.RegionCode, nameof(Problem), p.Id,
                    $"问题 {p.Number} 逾期未制定整改措施（应于 {p.PlanDueOn:yyyy-MM-dd} 前）", p.PlanDueOn,
                    $"催办：问题 {p.Number} 未制定整改措施", $"“{p.Category}”问题应于 {p.PlanDueOn:yyyy年M月d日} 前制定整改措施，请立即办理。", link, false), ct);
                continue;
            }
            var deadline = p.Deadline!.Value;
            if (today < deadline && calendar.WorkingDaysBetween(today, deadline) <= settings.ReminderWorkingDaysBefore)
            {
                await escalations.RecordOnceAsync(new DueEscalation(
                    $"problem:{p.Id}:reminder:{deadline:yyyyMMdd}", EscalationKind.Reminder, p.UnitId, p.RegionCode, nameof(Problem), p.Id,
                    $"问题 {p.Number} 整改时限临近（{deadline:yyyy-MM-dd}）", deadline,
                    $"到期提醒：问题 {p.Number} 将于 {deadline:M月d日} 到期", $"“{p.Category}”问题的整改时限为 {deadline:yyyy年M月d日}，请按期完成并提交核账。", link, false), ct);
            }
            if (today >= deadline)
            {
                await escalations.RecordOnceAsync(new DueEscalation(
                    $"problem:{p.Id}:urge:{deadline:yyyyMMdd}", EscalationKind.Urge, p.UnitId, p.RegionCode, nameof(Problem), p.Id,
                    $"问题 {p.Number} 已到整改时限（{deadline:yyyy-MM-dd}）", deadline,
                    $"催办：问题 {p.Number} 今日到期", $"“{p.Category}”问题的整改时限为 {deadline:yyyy年M月d日}，请立即完成整改并提交核账。", link, false), ct);
            }
            if (ProblemLateness.IsOverdue(p.State, deadline, today, pausedOn: null))
            {
                await escalations.RecordOnceAsync(new DueEscalation(
                    $"problem:{p.Id}:supervise:{deadline:yyyyMMdd}", EscalationKind.Supervise, p.UnitId, p.RegionCode, nameof(Problem), p.Id,
                    $"问题 {p.Number} 超过整改时限（{deadline:yyyy-MM-dd}）未完成整改", deadline,
                    $"督办：问题 {p.Number} 逾期未整改", $"“{p.Category}”问题已超过整改时限 {deadline:yyyy年M月d日}，县司法局予以督办。", link, true), ct);
            }
        }
    }
}
