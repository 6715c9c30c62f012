using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2, JSON or XML by the URL's format.
/// Services are our complaint categories; service_request_id is the tracking code. Only public fields leave: state and
/// dates — never the reporter, and not the description either (it may name the reporter or third parties).
/// </summary>
internal static class Open311Endpoints
{
    private sealed record Row(IReadOnlyList<(string Key, object? Value)> Fields);

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/open311/v2").WithTags("Open311 GeoReport v2").AllowAnonymous();

        g.MapGet("/discovery.{format}", (string format, HttpRequest request) => Respond(format, "discovery", null, [new Row(
        [
            ("changeset", "2026-11-25T00:00:00+08:00"), ("contact", "县司法局行政执法监督科"), ("key_service", "无需密钥，可匿名提交"),
            ("endpoints", new[] { new Row([
                ("specification", "http://wiki.open311.org/GeoReport_v2"), ("url", $"{request.Scheme}://{request.Host}/open311/v2"),
                ("changeset", "2026-11-25T00:00:00+08:00"), ("type", "production"), ("formats", new[] { "application/json", "text/xml" }),
            ]) }),
        ])], single: true));

        g.MapGet("/services.{format}", async (string format, SunlightDbContext db, CancellationToken ct) =>
        {
            var categories = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
            return Respond(format, "services", "service", categories.Select(c => new Row(
            [
                ("service_code", c.Code), ("service_name", c.Name), ("description", c.Description ?? $"反映行政执法中的{c.Name}问题"),
                ("metadata", false), ("type", "realtime"), ("keywords", c.Name), ("group", "行政执法监督"),
            ])).ToList());
        });

        g.MapPost("/requests.{format}", async (string format, HttpRequest request, SubmitComplaint submit, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            string? F(string name) => form is not null && form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
            var name = string.Join("", new[] { F("last_name"), F("first_name") }.Where(s => s is not null));
            var description = F("description");
            if (F("address_string") is { } address && description is not null)
            {
                description += $"\n【地点】{address}";
            }
            var anonymous = name.Length == 0 && F("email") is null && F("phone") is null;
            var input = new ComplaintSubmission(F("service_code"), description, Anonymous: anonymous,
                ReporterName: name.Length == 0 ? null : name, ReporterPhone: F("phone"), ReporterEmail: F("email"));
            var r = await submit.SubmitAsync(input, [], new IntakeSource(ComplaintChannel.Open311), staffEntry: false, ct);
            if (r.Value is not { } receipt)
            {
                var message = string.Join("；", r.Errors!.SelectMany(e => e.Value));
                return ApiErrors.Open311Error(format, 400, r.Errors!.ContainsKey("category") ? "service_code 无效：" + message : message);
            }
            return Respond(format, "service_requests", "request", [new Row(
            [
                ("service_request_id", receipt.TrackingCode), ("token", receipt.Open311Token),
                ("service_notice", $"已收到。查询码 {receipt.TrackingCode}，查询密码 {receipt.Pin}，请妥善保存，凭此查看办理进度和答复。"),
                ("account_id", null),
            ])], status: 201);
        }).RequireRateLimiting(PublicRateLimits.IntakePolicy).DisableAntiforgery();

        g.MapGet("/requests.{format}", async (string format, string? service_request_id, string? service_code, string? start_date, string? end_date, string? status,
            SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var q = db.PublicLookup<Complaint>().AsNoTracking();
            if (!string.IsNullOrWhiteSpace(service_request_id))
            {
                var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100).ToList();
                q = q.Where(c => ids.Contains(c.TrackingCode));
            }
            else
            {
                // The spec's default window: the last 90 days.
                var start = Parse(start_date) ?? clock.GetUtcNow().AddDays(-90);
                var end = Parse(end_date) ?? clock.GetUtcNow().AddDays(1);
                q = q.Where(c => c.ReceivedAt >= start && c.ReceivedAt <= end);
            }
            if (!string.IsNullOrWhiteSpace(service_code))
            {
                var codes = service_code.Split(',', StringSplitOptions.TrimEntries);
                q = q.Where(c => codes.Contains(c.Category!.Code));
            }
            var closedStates = new[] { ComplaintState.Rejected, ComplaintState.Merged, ComplaintState.Replied, ComplaintState.Closed };
            if (status == "open")
            {
                q = q.Where(c => !closedStates.Contains(c.State));
            }
            else if (status == "closed")
            {
                q = q.Where(c => closedStates.Contains(c.State));
            }
            var rows = await q.OrderByDescending(c => c.Id).Take(1000).Select(PublicFields).ToListAsync(ct);
            return Respond(format, "service_requests", "request", rows.Select(ToRow).ToList());
        });

        g.MapGet("/requests/{id}.{format}", async (string id, string format, SunlightDbContext db, CancellationToken ct) =>
        {
            var code = id.ToUpperInvariant();
            var row = await db.PublicLookup<Complaint>().AsNoTracking().Where(c => c.TrackingCode == code).Select(PublicFields).FirstOrDefaultAsync(ct);
            return row is null ? ApiErrors.Open311Error(format, 404, "未找到该投诉编号。") : Respond(format, "service_requests", "request", [ToRow(row)]);
        });

        g.MapGet("/tokens/{id}.{format}", async (string id, string format, SunlightDbContext db, CancellationToken ct) =>
        {
            var code = await db.PublicLookup<Complaint>().AsNoTracking().Where(c => c.Open311Token == id).Select(c => c.TrackingCode).FirstOrDefaultAsync(ct);
            return code is null ? ApiErrors.Open311Error(format, 404, "未找到该 token。") : Respond(format, "service_requests", "request", [new Row([("service_request_id", code), ("token", id)])]);
        });
    }

    private sealed record PublicRow(string TrackingCode, ComplaintState State, string Code, string Name, DateTimeOffset ReceivedAt,
        DateTimeOffset? AcceptedAt, DateTimeOffset? AssignedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt, DateOnly AcceptDue, DateOnly? ResolveDue);

    private static readonly System.Linq.Expressions.Expression<Func<Complaint, PublicRow>> PublicFields = c => new PublicRow(
        c.TrackingCode, c.State, c.Category!.Code, c.Category.Name, c.ReceivedAt, c.AcceptedAt, c.AssignedAt, c.RepliedAt, c.ClosedAt, c.AcceptDueDate, c.ResolveDueDate);

    private static Row ToRow(PublicRow r)
    {
        var closed = r.State is ComplaintState.Rejected or ComplaintState.Merged or ComplaintState.Replied or ComplaintState.Closed;
        var updated = new[] { r.ReceivedAt, r.AcceptedAt, r.AssignedAt, r.RepliedAt, r.ClosedAt }.Max();
        var expected = r.State switch
        {
            ComplaintState.Received or ComplaintState.Accepted => (DateOnly?)r.AcceptDue,
            ComplaintState.Assigned or ComplaintState.ReplyDrafted => r.ResolveDue,
            _ => null,
        };
        return new Row(
        [
            ("service_request_id", r.TrackingCode), ("status", closed ? "closed" : "open"), ("status_notes", ComplaintText.PublicState(r.State)),
            ("service_name", r.Name), ("service_code", r.Code), ("agency_responsible", "县司法局"), ("service_notice", null),
            ("requested_datetime", Iso(r.ReceivedAt)), ("updated_datetime", updated is { } u ? Iso(u) : null),
            ("expected_datetime", expected is { } e ? Iso(new DateTimeOffset(e.ToDateTime(new TimeOnly(17, 0)), ChinaTime.Offset)) : null),
        ]);
    }

    private static string Iso(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? s) => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static IResult Respond(string format, string root, string? item, IReadOnlyList<Row> rows, bool single = false, int status = 200)
    {
        if (format == "json")
        {
            object body = single ? ToJson(rows[0]) : rows.Select(ToJson).ToList();
            return Results.Json(body, statusCode: status);
        }
        if (format == "xml")
        {
            var doc = single ? ToXml(root, rows[0]) : new XElement(root, rows.Select(r => ToXml(item!, r)));
            return Results.Text(new XDeclaration("1.0", "utf-8", null) + "\n" + doc, "text/xml; charset=utf-8", statusCode: status);
        }
        return ApiErrors.Open311Error("json", 400, "格式只支持 json 或 xml。");
    }

    private static Dictionary<string, object?> ToJson(Row row) => row.Fields.ToDictionary(f => f.Key, f => f.Value switch
    {
        Row[] nested => nested.Select(ToJson).ToList(),
        _ => f.Value,
    });

    private static XElement ToXml(string name, Row row) => new(name, row.Fields.Select(f => f.Value switch
    {
        Row[] nested => new XElement(f.Key, nested.Select(n => ToXml(f.Key.TrimEnd('s'), n))),
        string[] list => new XElement(f.Key, list.Select(v => new XElement("format", v))),
        bool b => new XElement(f.Key, b ? "true" : "false"),
        null => new XElement(f.Key),
        _ => new XElement(f.Key, f.Value),
    }));
}
