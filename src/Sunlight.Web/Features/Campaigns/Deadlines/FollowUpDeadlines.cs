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
/// Unanswered supervision documents, like ledger items and self-inspections: a reminder 3 working days before the
/// response deadline, 催办 on the day, 督办 (Supervisors told too) once it has passed — each once per document, through
/// the shared <see cref="EscalationLedger"/>.
/// </summary>
internal sealed class SupervisionDocumentDeadlineJob(SunlightDbContext db, EscalationLedger escalations, WorkingCalendar calendar, TimeProvider clock) : IScheduledJob
{
    public string Name => "supervision-document-deadlines";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(30);
        var open = await db.Set<SupervisionDocument>().AsNoTracking().Where(d => d.RespondedOn == null && d.ResponseDueOn <= horizon)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.UnitId, d.RegionCode, d.ResponseDueOn, d.Number, d.Type }).ToListAsync(ct);
        foreach (var d in open)
        {
            var what = $"{FollowUpNames.DocumentType(d.Type)}（{d.Number}）";
            var due = d.ResponseDueOn;
            (string Key, EscalationKind Kind, string Reason, string Title, string Body)? step =
                today > due ? ("supervise", EscalationKind.Supervise, $"超过回复期限（{due:yyyy-MM-dd}）未书面回复{what}",
                    $"督办：{what}逾期未回复", $"回复期限 {due:yyyy年M月d日} 已过，县司法局予以督办，请立即书面回复。")
                : today == due ? ("urge", EscalationKind.Urge, $"{what}今日到期（{due:yyyy-MM-dd}）",
                    $"催办：{what}今日到期", $"回复期限为 {due:yyyy年M月d日}，请立即书面回复。")
                : calendar.WorkingDaysBetween(today, due) <= SelfInspectionDeadlineJob.ReminderWorkingDaysBefore ? ("reminder", EscalationKind.Reminder,
                    $"{what}回复期限临近（{due:yyyy-MM-dd}）", $"到期提醒：{what}将于 {due:M月d日} 到期", $"请于 {due:yyyy年M月d日} 前书面回复。")
                : null;
            if (step is { } s)
            {
                await escalations.RecordOnceAsync(new DueEscalation($"supervision-document:{d.Id}:{s.Key}:{due:yyyyMMdd}", s.Kind, d.UnitId, d.RegionCode,
                    nameof(SupervisionDocument), d.Id, s.Reason, due, s.Title, s.Body, $"/Campaigns/Documents/{d.Id}", s.Kind == EscalationKind.Supervise), ct);
            }
        }
    }
}

/// <summary>
/// The work home's follow-up items: a unit's supervision documents to answer (剩余/逾期 N 个工作日 from the deadline); for
/// the Supervisor, documents left unanswered past their deadline and the 回头看 that are due.
/// </summary>
internal sealed class FollowUpWorkItems(SunlightDbContext db, IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    private const string Area = "专项治理";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var unanswered = db.Set<SupervisionDocument>().AsNoTracking().Where(d => d.RespondedOn == null);
        if ((await authorization.AuthorizeAsync(user, CampaignPolicies.SelfInspect)).Succeeded)
        {
            // The query filter keeps the unit to its own documents.
            var own = await unanswered.Select(d => new { d.Id, d.Type, d.Number, d.ResponseDueOn }).ToListAsync(ct);
            return own.Select(d => new WorkItem(Area, $"{FollowUpNames.DocumentType(d.Type)} {d.Number}", "书面回复监督文书", $"/Campaigns/Documents/{d.Id}", d.ResponseDueOn)).ToList();
        }
        if (!(await authorization.AuthorizeAsync(user, CampaignPolicies.Manage)).Succeeded)
        {
            return [];
        }
        var today = ChinaTime.Today(clock);
        var late = await unanswered.Where(d => d.ResponseDueOn < today).Select(d => new { d.Id, d.UnitId, d.Number, d.ResponseDueOn }).ToListAsync(ct);
        var rechecks = await db.Set<ProblemRecheck>().AsNoTracking().Where(r => r.Result == null && r.DueOn <= today)
            .Select(r => new { r.Id, r.ProblemNumber, r.DueOn }).ToListAsync(ct);
        var names = await db.UnitNamesAsync(late.Select(l => (long?)l.UnitId), ct);
        return late.Select(l => new WorkItem(Area, $"{names.GetValueOrDefault(l.UnitId, "")} {l.Number}", "逾期未回复监督文书，督办", $"/Campaigns/Documents/{l.Id}", l.ResponseDueOn))
            .Concat(rechecks.Select(r => new WorkItem(Area, $"回头看：问题 {r.ProblemNumber}", "开展回头看并记录整改是否到位", $"/Campaigns/Recheck/{r.Id}", r.DueOn)))
            .ToList();
    }
}
