using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Complaints.Export;

/// <summary>
/// The complaint list as .xlsx (投诉举报台账): the list's own query with the same filters and the caller's scope, every
/// matching row streamed newest first, the columns the list shows. The reporter's identity is never a column: the row
/// is read without it.
/// </summary>
internal sealed class ExportComplaints(ComplaintQueries queries, SunlightDbContext db, TimeProvider clock)
{
    /// <summary>One exported row, read by the query as it is (no identity field in it).</summary>
    internal sealed record Row(
        string TrackingCode, DateTimeOffset ReceivedAt, ComplaintChannel Channel, string Category, long? ComplainedUnitId,
        string? EnterpriseName, long? AssignedUnitId, ComplaintState State, DateOnly AcceptDueDate, DateOnly? ResolveDueDate, string Summary);

    public const string FileName = "投诉举报台账.xlsx";

    public async Task<XlsxFile<Row>> RunAsync(ComplaintFilter filter, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        // Unit names are public facts and few (a county's ~25, a province's ~2,500): one read, not a join per row.
        var units = await db.PublicUnits().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = (await queries.FilteredAsync(filter, today, ct)).OrderByDescending(c => c.Id)
            .Select(c => new Row(c.TrackingCode, c.ReceivedAt, c.Channel, c.Category!.Name, c.ComplainedUnitId, c.EnterpriseName,
                c.AssignedUnitId, c.State, c.AcceptDueDate, c.ResolveDueDate, c.Description.Substring(0, Math.Min(c.Description.Length, 200))))
            .AsAsyncEnumerable();
        return XlsxExport.File(FileName, "投诉举报", Columns(units, today), rows);
    }

    public static IReadOnlyList<XlsxColumn<Row>> Columns(IReadOnlyDictionary<long, string> units, DateOnly today)
    {
        string? Unit(long? id) => id is { } i ? units.GetValueOrDefault(i) : null;
        DateOnly? Due(Row r) => ComplaintQueries.DueDate(r.State, r.AcceptDueDate, r.ResolveDueDate);
        return
        [
            new("查询码", 16, r => r.TrackingCode),
            new("收到时间", 18, r => r.ReceivedAt),
            new("渠道", 14, r => ComplaintText.Channel(r.Channel)),
            new("类别", 14, r => r.Category),
            new("被投诉单位", 24, r => Unit(r.ComplainedUnitId)),
            new("涉及企业", 24, r => r.EnterpriseName),
            new("办理单位", 24, r => Unit(r.AssignedUnitId)),
            new("状态", 12, r => ComplaintText.State(r.State)),
            new("期限", 12, r => Due(r)),
            new("是否逾期", 10, r => Due(r) is { } d && today > d),
            new("内容摘要", 50, r => r.Summary),
        ];
    }
}

internal static class ExportComplaintsEndpoint
{
    public static void MapExport(this RouteGroupBuilder g) =>
        g.MapGet("/export", async ([AsParameters] ComplaintFilter f, ExportComplaints export, CancellationToken ct) => await export.RunAsync(f, ct))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出投诉列表（与列表相同的筛选条件与范围，.xlsx；不含投诉人身份）");
}
