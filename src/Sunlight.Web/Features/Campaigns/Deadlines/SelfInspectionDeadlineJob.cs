using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Campaigns.Deadlines;

/// <summary>
/// Late units, like ledger items: a reminder 3 working days before the self-inspection deadline, 催办 on the day, 督办
/// (Supervisors told too) once it has passed without a submission — each once per self-inspection and deadline, through
/// the shared <see cref="EscalationLedger"/>. Only running campaigns count.
/// </summary>
internal sealed class SelfInspectionDeadlineJob(SunlightDbContext db, EscalationLedger escalations, WorkingCalendar calendar, TimeProvider clock) : IScheduledJob
{
    public const int ReminderWorkingDaysBefore = 3;

    public string Name => "self-inspection-deadlines";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(30);
        var open = await db.Set<SelfInspection>().AsNoTracking()
            .Where(s => s.State != SelfInspectionState.Submitted && s.DueOn <= horizon
                && db.Set<Campaign>().Any(c => c.Id == s.CampaignId && c.State == CampaignState.Running))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.UnitId, s.RegionCode, s.DueOn, Campaign = db.Set<Campaign>().Where(c => c.Id == s.CampaignId).Select(c => c.Name).First() })
            .ToListAsync(ct);
        foreach (var s in open)
        {
            var link = $"/Campaigns/SelfInspect/{s.Id}";
            DueEscalation Due(string kind, EscalationKind k, string reason, string title, string body, bool supervisors) =>
                new($"self-inspection:{s.Id}:{kind}:{s.DueOn:yyyyMMdd}", k, s.UnitId, s.RegionCode, nameof(SelfInspection), s.Id, reason, s.DueOn, title, body, link, supervisors);
            if (today < s.DueOn && calendar.WorkingDaysBetween(today, s.DueOn) <= ReminderWorkingDaysBefore)
            {
                await escalations.RecordOnceAsync(Due("reminder", EscalationKind.Reminder, $"{s.Campaign}自查期限临近（{s.DueOn:yyyy-MM-dd}）",
                    $"到期提醒：{s.Campaign}自查将于 {s.DueOn:M月d日} 到期", $"请于 {s.DueOn:yyyy年M月d日} 前逐项自查并提交。", false), ct);
            }
            if (today == s.DueOn)
            {
                await escalations.RecordOnceAsync(Due("urge", EscalationKind.Urge, $"{s.Campaign}自查今日到期（{s.DueOn:yyyy-MM-dd}）",
                    $"催办：{s.Campaign}自查今日到期", $"自查期限为 {s.DueOn:yyyy年M月d日}，请立即完成并提交。", false), ct);
            }
            if (today > s.DueOn)
            {
                await escalations.RecordOnceAsync(Due("supervise", EscalationKind.Supervise, $"{s.Campaign}超过自查期限（{s.DueOn:yyyy-MM-dd}）未提交自查",
                    $"督办：{s.Campaign}逾期未提交自查", $"自查期限 {s.DueOn:yyyy年M月d日} 已过，县司法局予以督办，请立即提交。", true), ct);
            }
        }
    }
}

/// <summary>The work home's campaign items: a unit's self-inspections to answer and submit; for the Supervisor, the units late with theirs.</summary>
internal sealed class CampaignWorkItems(SunlightDbContext db, IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    private const string Area = "专项治理";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var running = db.Set<Campaign>().Where(c => c.State == CampaignState.Running);
        var open = db.Set<SelfInspection>().AsNoTracking().Where(s => s.State != SelfInspectionState.Submitted && running.Any(c => c.Id == s.CampaignId));
        if ((await authorization.AuthorizeAsync(user, CampaignPolicies.SelfInspect)).Succeeded)
        {
            // The query filter keeps the unit to its own self-inspections.
            var own = await open.Select(s => new { s.Id, s.DueOn, s.State, Campaign = running.Where(c => c.Id == s.CampaignId).Select(c => c.Name).First() }).ToListAsync(ct);
            return own.Select(s => new WorkItem(Area, s.Campaign, s.State == SelfInspectionState.Returned ? "修改自查并重新提交（已退回）" : "逐项自查并提交",
                $"/Campaigns/SelfInspect/{s.Id}", s.DueOn)).ToList();
        }
        if ((await authorization.AuthorizeAsync(user, CampaignPolicies.Manage)).Succeeded)
        {
            var today = ChinaTime.Today(clock);
            var late = await open.Where(s => s.DueOn < today).Select(s => new { s.CampaignId, s.UnitId, s.DueOn }).ToListAsync(ct);
            var names = await db.UnitNamesAsync(late.Select(l => (long?)l.UnitId), ct);
            return late.Select(l => new WorkItem(Area, names.GetValueOrDefault(l.UnitId, ""), "逾期未提交自查，督办", $"/Campaigns/Details/{l.CampaignId}", l.DueOn)).ToList();
        }
        return [];
    }
}
