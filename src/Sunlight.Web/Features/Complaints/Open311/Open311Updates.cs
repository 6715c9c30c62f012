using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.History;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>
/// mySociety's GeoReport v2 extension as FixMyStreet uses it: GET <c>servicerequestupdates</c> lists the public timeline
/// (update_id = the timeline line's id); POST adds a citizen's update to the timeline for the Supervisor — it never
/// changes the complaint's state by itself.
/// </summary>
internal static class Open311Updates
{
    /// <summary>The kind of a citizen's update on the timeline.</summary>
    public const string CitizenUpdate = "投诉人补充";
    public const int MaxUpdates = 1000;

    /// <summary>Timeline kinds whose text is the reporter's own (or addressed to the reporter): not published, only the kind.</summary>
    private static readonly string[] Private = [CitizenUpdate, "答复", "评价"];
    private static readonly string[] Closing = ["不予受理", "合并办理", "答复", "办结"];

    public static void MapServiceRequestUpdates(this RouteGroupBuilder g) =>
        g.MapGet("/servicerequestupdates.{format}", async (string format, string? start_date, string? end_date, string? service_request_id,
            SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            if (!GeoReport.TryParseDate(start_date, out var from) || !GeoReport.TryParseDate(end_date, out var to))
            {
                return ApiErrors.Open311Error(format, 400, "start_date / end_date 不是有效的日期时间（请用 W3C 格式，如 2026-11-30T08:00:00+08:00）。");
            }
            var start = from ?? clock.GetUtcNow().AddDays(-1);
            var end = to ?? clock.GetUtcNow().AddMinutes(1);
            var events = db.PublicLookup<ComplaintEvent>().AsNoTracking().Where(e => e.IsPublic && e.At >= start && e.At <= end);
            var complaints = db.PublicLookup<Complaint>();
            if (!string.IsNullOrWhiteSpace(service_request_id))
            {
                var code = service_request_id.Trim().ToUpperInvariant();
                complaints = complaints.Where(c => c.TrackingCode == code);
            }
            var rows = await events.Join(complaints, e => e.ComplaintId, c => c.Id, (e, c) => new { e.Id, e.At, e.Kind, e.Text, c.TrackingCode })
                .OrderBy(x => x.At).ThenBy(x => x.Id).Take(MaxUpdates).ToListAsync(ct);
            return GeoReport.Respond(format, "service_request_updates", "request_update", rows.Select(r => new GeoRow(
            [
                ("update_id", r.Id.ToString(CultureInfo.InvariantCulture)), ("service_request_id", r.TrackingCode),
                ("status", Closing.Contains(r.Kind) ? "closed" : "open"), ("updated_datetime", GeoReport.Iso(r.At)),
                ("description", Private.Contains(r.Kind) || r.Text is null ? r.Kind : $"{r.Kind}：{r.Text}"), ("media_url", null),
            ])).ToList());
        });

    public static void MapPostServiceRequestUpdate(this RouteGroupBuilder g) =>
        g.MapPost("/servicerequestupdates.{format}", async (string format, HttpRequest request, SunlightDbContext db, Notifier notifier, TimeProvider clock, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
            string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
            var description = F("description");
            var media = F("media_url");
            if (description is null)
            {
                return ApiErrors.Open311Error(format, 400, "请填写 description（补充说明）。");
            }
            var text = media is null ? description : $"{description}\n【图片】{media}";
            if (text.Length > ComplaintConfiguration.TextLength)
            {
                return ApiErrors.Open311Error(format, 400, $"补充说明不能超过 {ComplaintConfiguration.TextLength} 个字。");
            }
            var code = F("service_request_id")?.ToUpperInvariant();
            var complaint = code is null ? null
                : await db.PublicLookup<Complaint>().AsNoTracking().Where(c => c.TrackingCode == code).Select(c => new { c.Id, c.TrackingCode }).FirstOrDefaultAsync(ct);
            if (complaint is null)
            {
                return ApiErrors.Open311Error(format, 404, "未找到该投诉编号（service_request_id）。");
            }
            var line = new ComplaintEvent { ComplaintId = complaint.Id, At = clock.GetUtcNow(), Actor = "投诉人（Open311）", Kind = CitizenUpdate, Text = text, IsPublic = true };
            db.Set<ComplaintEvent>().Add(line);
            // On the Supervisor's history (ADR 0004) in the same transaction; the state is untouched.
            db.RecordAudit(nameof(Complaint), complaint.Id.ToString(CultureInfo.InvariantCulture), ComplaintHistory.NoteAction, null,
                new Dictionary<string, object?> { ["Note"] = CitizenUpdate + "（Open311）", ["Text"] = text });
            await notifier.ToRoleAsync(Roles.Supervisor, $"投诉人补充：{complaint.TrackingCode}", "投诉人通过 Open311 接入方补充了情况，请查看投诉的办理过程。",
                $"/Complaints/Detail/{complaint.Id}", ct);
            await db.SaveChangesAsync(ct);
            return GeoReport.Respond(format, "service_request_updates", "request_update",
                [new GeoRow([("update_id", line.Id.ToString(CultureInfo.InvariantCulture))])]);
        }).DisableAntiforgery();
}
