using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>POST a request, GET the list, one request, and a token's request.</summary>
internal static class Open311Requests
{
    /// <summary>At most this many requests per list answer (the spec's default window is 90 days, 1000 requests).</summary>
    public const int MaxList = 1000;

    public static void MapPostRequest(this RouteGroupBuilder g) =>
        g.MapPost("/requests.{format}", async (string format, HttpRequest request, SubmitComplaint submit, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
            if (Invalid(form) is { } invalid)
            {
                return ApiErrors.Open311Error(format, 400, invalid);
            }
            var r = await submit.SubmitAsync(ToSubmission(form), [], new IntakeSource(ComplaintChannel.Open311), staffEntry: false, ct);
            if (r.Value is not { } receipt)
            {
                var message = string.Join("；", r.Errors!.SelectMany(e => e.Value));
                return ApiErrors.Open311Error(format, 400, r.Errors!.ContainsKey("category") ? "service_code 无效：" + message : message);
            }
            // No PIN here: an intermediary would hold it. The client follows the request by its id.
            return GeoReport.Respond(format, "service_requests", "request", [new GeoRow(
            [
                ("service_request_id", receipt.TrackingCode), ("token", receipt.Open311Token),
                ("service_notice", $"已收到，投诉编号 {receipt.TrackingCode}，可凭编号查询办理进度。"),
                ("account_id", null),
            ])], status: 201);
        }).DisableAntiforgery();

    public static void MapRequests(this RouteGroupBuilder g)
    {
        g.MapGet("/requests.{format}", async (string format, string? service_request_id, string? service_code, string? start_date, string? end_date, string? status,
            SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var q = db.PublicLookup<Complaint>().AsNoTracking();
            if (!string.IsNullOrWhiteSpace(service_request_id))
            {
                // The spec: a list of ids overrides every other parameter.
                var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(i => i.ToUpperInvariant()).Distinct().Take(MaxList).ToList();
                q = q.Where(c => ids.Contains(c.TrackingCode));
            }
            else
            {
                if (!GeoReport.TryParseDate(start_date, out var from) || !GeoReport.TryParseDate(end_date, out var to))
                {
                    return ApiErrors.Open311Error(format, 400, "start_date / end_date 不是有效的日期时间（请用 W3C 格式，如 2026-11-30T08:00:00+08:00）。");
                }
                var statuses = (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
                if (statuses.Any(s => s is not ("open" or "closed")))
                {
                    return ApiErrors.Open311Error(format, 400, "status 只能是 open 或 closed（可用逗号分隔）。");
                }
                // The spec's default window: the last 90 days.
                var start = from ?? clock.GetUtcNow().AddDays(-90);
                var end = to ?? clock.GetUtcNow().AddDays(1);
                q = q.Where(c => c.ReceivedAt >= start && c.ReceivedAt <= end);
                if (!string.IsNullOrWhiteSpace(service_code))
                {
                    var codes = service_code.Split(',', StringSplitOptions.TrimEntries).ToList();
                    q = q.Where(c => codes.Contains(c.Category!.Code));
                }
                if (statuses.SetEquals(["open"]))
                {
                    q = q.Where(c => !ClosedStates.Contains(c.State));
                }
                else if (statuses.SetEquals(["closed"]))
                {
                    q = q.Where(c => ClosedStates.Contains(c.State));
                }
            }
            var rows = await q.OrderByDescending(c => c.Id).Take(MaxList).Select(PublicFields(db)).ToListAsync(ct);
            return GeoReport.Respond(format, "service_requests", "request", rows.Select(ToRow).ToList());
        });

        g.MapGet("/requests/{id}.{format}", async (string id, string format, SunlightDbContext db, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var code = id.Trim().ToUpperInvariant();
            var row = await db.PublicLookup<Complaint>().AsNoTracking().Where(c => c.TrackingCode == code).Select(PublicFields(db)).FirstOrDefaultAsync(ct);
            return row is null ? ApiErrors.Open311Error(format, 404, "未找到该投诉编号。") : GeoReport.Respond(format, "service_requests", "request", [ToRow(row)]);
        });
    }

    public static void MapTokens(this RouteGroupBuilder g) =>
        g.MapGet("/tokens/{id}.{format}", async (string id, string format, SunlightDbContext db, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var code = await db.PublicLookup<Complaint>().AsNoTracking().Where(c => c.Open311Token == id).Select(c => c.TrackingCode).FirstOrDefaultAsync(ct);
            return code is null ? ApiErrors.Open311Error(format, 404, "未找到该 token。")
                : GeoReport.Respond(format, "service_requests", "request", [new GeoRow([("service_request_id", code), ("token", id)])]);
        });

    private static readonly ComplaintState[] ClosedStates = [ComplaintState.Rejected, ComplaintState.Merged, ComplaintState.Replied, ComplaintState.Closed];

    /// <summary>Sunlight's states as GeoReport's <c>open</c>/<c>closed</c> (docs/open311.md).</summary>
    public static bool IsClosed(ComplaintState s) => ClosedStates.Contains(s);

    /// <summary>What actually happened, in Chinese, so a client mapping <c>closed</c> to "fixed" still shows the truth.</summary>
    public static string StatusNotes(ComplaintState s, string? mergedInto) => s switch
    {
        ComplaintState.Rejected => "不予受理（依法不属于投诉受理范围或不符合受理条件）",
        ComplaintState.Merged => mergedInto is null ? "已与同类投诉合并办理" : $"已合并至 {mergedInto}，请关注该投诉的办理进度",
        ComplaintState.Replied => "已答复（答复内容仅向投诉人本人提供）",
        ComplaintState.Closed => "已办结",
        _ => ComplaintText.PublicState(s),
    };

    internal sealed record PublicRow(string TrackingCode, ComplaintState State, string? MergedInto, string Code, string Name, DateTimeOffset ReceivedAt,
        DateTimeOffset LastChangedAt, DateOnly AcceptDue, DateOnly? ResolveDue, double? Latitude, double? Longitude, string? Address, string? AddressId, string? MediaUrl);

    private static Expression<Func<Complaint, PublicRow>> PublicFields(SunlightDbContext db) => c => new PublicRow(
        c.TrackingCode, c.State, db.PublicLookup<Complaint>().Where(t => t.Id == c.MergedIntoId).Select(t => t.TrackingCode).FirstOrDefault(),
        c.Category!.Code, c.Category.Name, c.ReceivedAt, c.LastChangedAt, c.AcceptDueDate, c.ResolveDueDate,
        c.Latitude, c.Longitude, c.Address, c.AddressId, c.MediaUrl);

    private static GeoRow ToRow(PublicRow r)
    {
        var expected = r.State switch
        {
            ComplaintState.Received or ComplaintState.Accepted => (DateOnly?)r.AcceptDue,
            ComplaintState.Assigned or ComplaintState.ReplyDrafted => r.ResolveDue,
            _ => null,
        };
        return new GeoRow(
        [
            ("service_request_id", r.TrackingCode), ("status", IsClosed(r.State) ? "closed" : "open"), ("status_notes", StatusNotes(r.State, r.MergedInto)),
            ("service_name", r.Name), ("service_code", r.Code), ("description", null), ("agency_responsible", "县司法局"), ("service_notice", null),
            ("requested_datetime", GeoReport.Iso(r.ReceivedAt)), ("updated_datetime", GeoReport.Iso(r.LastChangedAt)),
            ("expected_datetime", expected is { } e ? GeoReport.Iso(new DateTimeOffset(e.ToDateTime(new TimeOnly(17, 0)), ChinaTime.Offset)) : null),
            ("address", r.Address), ("address_id", r.AddressId), ("zipcode", null), ("lat", r.Latitude), ("long", r.Longitude), ("media_url", r.MediaUrl),
        ]);
    }

    /// <summary>The client's form as a submission (after <see cref="Invalid"/> found nothing).</summary>
    private static ComplaintSubmission ToSubmission(IFormCollection form)
    {
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        string? A(string code) => F($"attribute[{code}]");
        var name = PersonName(F("first_name"), F("last_name"));
        var saysAnonymous = A(Open311Services.Anonymous) is { } a && a.Equals("true", StringComparison.OrdinalIgnoreCase);
        var anonymous = saysAnonymous || (name is null && F("email") is null && F("phone") is null);
        return new ComplaintSubmission(F("service_code"), F("description"),
            UnitId: A(Open311Services.ComplainedUnit) is { } unit ? long.Parse(unit, CultureInfo.InvariantCulture) : null,
            EnterpriseName: A(Open311Services.EnterpriseName), EnterpriseUscc: A(Open311Services.EnterpriseUscc),
            Anonymous: anonymous, ReporterName: anonymous ? null : name, ReporterPhone: anonymous ? null : F("phone"), ReporterEmail: anonymous ? null : F("email"),
            Location: new ComplaintLocation(Number(F("lat")), Number(F("long")), F("address_string"), F("address_id"), F("media_url")));
    }

    /// <summary>The parse errors of a form (numbers and list keys), in Chinese; null when it parses.</summary>
    private static string? Invalid(IFormCollection form)
    {
        var errors = new List<string>();
        foreach (var field in new[] { "lat", "long" })
        {
            if (form.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) && Number(v.ToString()) is null)
            {
                errors.Add($"{field} 不是有效的数字");
            }
        }
        var unit = $"attribute[{Open311Services.ComplainedUnit}]";
        if (form.TryGetValue(unit, out var u) && !string.IsNullOrWhiteSpace(u) && !long.TryParse(u.ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add($"{unit} 应为服务定义中列出的单位编号（key）");
        }
        var anonymous = $"attribute[{Open311Services.Anonymous}]";
        if (form.TryGetValue(anonymous, out var a) && !string.IsNullOrWhiteSpace(a) && a.ToString().Trim().ToLowerInvariant() is not ("true" or "false"))
        {
            errors.Add($"{anonymous} 只能是 true 或 false");
        }
        return errors.Count == 0 ? null : string.Join("；", errors);
    }

    private static double? Number(string? s) =>
        double.TryParse(s?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>
    /// A name as its owner writes it: Chinese family name first with no space (last_name 张 + first_name 三 → 张三),
    /// a name in Latin letters given name first (first_name Zhang, last_name San → "Zhang San").
    /// </summary>
    public static string? PersonName(string? first, string? last)
    {
        if (first is null || last is null)
        {
            return first ?? last;
        }
        var chinese = (first + last).Any(ch => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
        return chinese ? last + first : first + " " + last;
    }
}
