using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>Discovery, the service list and each service's definition (the attributes a client may send).</summary>
internal static class Open311Services
{
    /// <summary>Attribute codes a client sends as <c>attribute[code]</c>, mapped to the complaint's own fields.</summary>
    public const string EnterpriseName = "enterprise_name", EnterpriseUscc = "enterprise_uscc", ComplainedUnit = "complained_unit", Anonymous = "anonymous";

    public static void MapDiscovery(this RouteGroupBuilder g) =>
        g.MapGet("/discovery.{format}", (string format, HttpRequest request) => GeoReport.Respond(format, "discovery", null, [new GeoRow(
        [
            ("changeset", "2026-11-30T00:00:00+08:00"), ("contact", "县司法局行政执法监督科"),
            ("key_service", "无需密钥即可提交；聚合平台可向管理员申请 api_key（独立限流）。状态对照见 status_notes：不予受理、已合并至 TS…、已办结等均为 closed。"),
            ("endpoints", new[] { new GeoRow([
                ("specification", "http://wiki.open311.org/GeoReport_v2"), ("url", $"{request.Scheme}://{request.Host}/open311/v2"),
                ("changeset", "2026-11-30T00:00:00+08:00"), ("type", "production"), ("formats", new[] { "application/json", "text/xml" }),
            ]) }),
        ])], single: true));

    public static void MapServices(this RouteGroupBuilder g) =>
        g.MapGet("/services.{format}", async (string format, SunlightDbContext db, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var categories = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
            return GeoReport.Respond(format, "services", "service", categories.Select(c => new GeoRow(
            [
                ("service_code", c.Code), ("service_name", c.Name), ("description", c.Description ?? $"反映行政执法中的{c.Name}问题"),
                ("metadata", true), ("type", "realtime"), ("keywords", c.Name), ("group", "行政执法监督"),
            ])).ToList());
        });

    public static void MapServiceDefinition(this RouteGroupBuilder g) =>
        g.MapGet("/services/{code}.{format}", async (string code, string format, SunlightDbContext db, CancellationToken ct) =>
        {
            if (!GeoReport.IsFormat(format))
            {
                return GeoReport.BadFormat();
            }
            var codes = await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(ct);
            if (codes.FirstOrDefault(c => c.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } key)
            {
                return ApiErrors.Open311Error(format, 404, "未找到该服务（service_code）。");
            }
            var units = await db.PublicUnits().Where(u => u.Kind == UnitKind.Enforcement && u.IsActive).OrderBy(u => u.Code)
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
            GeoRow Attribute(int order, string attr, string datatype, string description, GeoRow[] values) => new(
            [
                ("variable", true), ("code", attr), ("datatype", datatype), ("required", false),
                ("datatype_description", datatype == "string" ? "文本" : "从列表中选择一项（key）"), ("order", order),
                ("description", description), ("values", values),
            ]);
            return GeoReport.Respond(format, "service_definition", null, [new GeoRow(
            [
                ("service_code", key),
                ("attributes", new[]
                {
                    Attribute(1, EnterpriseName, "string", "涉及企业名称（最多 200 字）", []),
                    Attribute(2, EnterpriseUscc, "string", "涉及企业的统一社会信用代码（18 位）", []),
                    Attribute(3, ComplainedUnit, "singlevaluelist", "被投诉的执法单位",
                        units.Select(u => new GeoRow([("key", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("name", u.Name)])).ToArray()),
                    Attribute(4, Anonymous, "singlevaluelist", "是否匿名。提供了姓名、电话或邮箱时，只有选择 true 才按匿名处理",
                        [new GeoRow([("key", "true"), ("name", "匿名")]), new GeoRow([("key", "false"), ("name", "实名（身份保密）")])]),
                }),
            ])], single: true);
        });
}
