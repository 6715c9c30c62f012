using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Leniency.Deadlines;

/// <summary>
/// Pledges: a reminder N WD (the county's setting, default 3) before the correction deadline; once it has passed without a recorded outcome the case is
/// flagged to proceed to a penalty (OverdueFlaggedOn, audited) and 督办ed. Guidance requests: a reminder 1 WD before the
/// 5-WD answer deadline, 催办 on it, 督办 after. Every escalation is keyed, so it fires once (EscalationLedger).
/// </summary>
internal sealed class LeniencyDeadlineJob(SunlightDbContext db, EscalationLedger escalations, WorkingCalendar calendar, TimeProvider clock) : IScheduledJob
{
    public string Name => "leniency-deadlines";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(45);
        var reminderDays = await db.Set<LeniencySetting>().AsNoTracking().ToDictionaryAsync(s => s.RegionCode, s => s.PledgeReminderDays, ct);
        var pledges = await db.Set<ExemptionCase>().Where(e => e.State == PledgeState.Pending && e.CorrectionDeadline <= horizon).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in pledges)
        {
            var link = $"/Leniency/Exemptions/{e.Id}";
            var due = e.CorrectionDeadline;
            if (today < due && calendar.WorkingDaysBetween(today, due) <= reminderDays.GetValueOrDefault(e.RegionCode, LeniencySetting.DefaultPledgeReminderDays))
            {
                await escalations.RecordOnceAsync(new DueEscalation($"exemption:{e.Id}:reminder:{due:yyyyMMdd}", EscalationKind.Reminder, e.UnitId, e.RegionCode,
                    nameof(ExemptionCase), e.Id, $"免罚案件 {e.Number} 整改期限临近（{due:yyyy-MM-dd}）", due,
                    $"到期提醒：{e.Number} 整改期限 {due:M月d日}", $"{e.EnterpriseName}承诺于 {due:yyyy年M月d日} 前整改，请跟踪并登记承诺履行情况。", link, false), ct);
            }
            if (today > due)
            {
                if (e.OverdueFlaggedOn is null)
                {
                    e.OverdueFlaggedOn = today;
                    await db.SaveChangesAsync(ct);
                }
                await escalations.RecordOnceAsync(new DueEscalation($"exemption:{e.Id}:supervise:{due:yyyyMMdd}", EscalationKind.Supervise, e.UnitId, e.RegionCode,
                    nameof(ExemptionCase), e.Id, $"免罚案件 {e.Number} 超过整改期限（{due:yyyy-MM-dd}）未确认整改，应转入处罚程序", due,
                    $"督办：{e.Number} 逾期未确认整改", $"{e.EnterpriseName}的整改期限 {due:yyyy年M月d日} 已过，未登记整改情况，请核实并依法转入处罚程序。", link, true), ct);
            }
        }

        var requests = await db.Set<GuidanceRequest>().AsNoTracking().Where(r => r.State == RequestState.Open && r.DueOn <= horizon).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.UnitId, r.RegionCode, r.DueOn, r.EnterpriseName }).ToListAsync(ct);
        foreach (var r in requests)
        {
            const string link = "/Leniency/Requests";
            if (today < r.DueOn && calendar.WorkingDaysBetween(today, r.DueOn) <= 1)
            {
                await escalations.RecordOnceAsync(new DueEscalation($"guidance-request:{r.Id}:reminder:{r.DueOn:yyyyMMdd}", EscalationKind.Reminder, r.UnitId, r.RegionCode,
                    nameof(GuidanceRequest), r.Id, $"行政指导申请答复期限临近（{r.DueOn:yyyy-MM-dd}）", r.DueOn,
                    $"到期提醒：{r.EnterpriseName}的行政指导申请", $"请于 {r.DueOn:yyyy年M月d日} 前答复。", link, false), ct);
            }
            if (today == r.DueOn)
            {
                await escalations.RecordOnceAsync(new DueEscalation($"guidance-request:{r.Id}:urge:{r.DueOn:yyyyMMdd}", EscalationKind.Urge, r.UnitId, r.RegionCode,
                    nameof(GuidanceRequest), r.Id, $"行政指导申请今日到期（{r.DueOn:yyyy-MM-dd}）", r.DueOn,
                    $"催办：{r.EnterpriseName}的行政指导申请今日到期", "请今日内答复。", link, false), ct);
            }
            if (today > r.DueOn)
            {
                await escalations.RecordOnceAsync(new DueEscalation($"guidance-request:{r.Id}:supervise:{r.DueOn:yyyyMMdd}", EscalationKind.Supervise, r.UnitId, r.RegionCode,
                    nameof(GuidanceRequest), r.Id, $"行政指导申请超过答复期限（{r.DueOn:yyyy-MM-dd}）未答复", r.DueOn,
                    $"督办：{r.EnterpriseName}的行政指导申请逾期未答复", $"答复期限 {r.DueOn:yyyy年M月d日} 已过，县司法局予以督办。", link, true), ct);
            }
        }
    }
}
