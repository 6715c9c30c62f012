using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Insights;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Figures;

/// <summary>
/// Complaint figures for the complaints received in the period (<see cref="Complaint.ReceivedAt"/>, China time), for a unit
/// the complaints assigned to it or complained about (as the list's unit filter). On time: closed, replied no later than the
/// day the handling was due.
/// </summary>
internal sealed class ComplaintFigures(ComplaintAccess access) : IFigureSource
{
    public string Path => "/api/v1/complaints";

    public IReadOnlyList<(string Key, string Label)> Keys { get; } =
    [
        ("complaints-received", "收到投诉"),
        ("complaints-accepted-on-time", "按时受理"),
        ("complaints-closed", "办结投诉"),
        ("complaints-on-time", "按期办结"),
        ("complaints-rated", "已评价"),
        ("complaints-satisfied", "评价满意"),
    ];

    public async Task<IQueryable<FigureRow>?> RowsAsync(string key, FigureFilter f, CancellationToken ct)
    {
        var received = access.Visible().AsNoTracking();
        if (f.FromInstant is { } from)
        {
            received = received.Where(c => c.ReceivedAt >= from);
        }
        if (f.ToInstantExclusive is { } to)
        {
            received = received.Where(c => c.ReceivedAt < to);
        }
        if (f.UnitId is { } unit)
        {
            received = received.Where(c => c.AssignedUnitId == unit || c.ComplainedUnitId == unit);
        }
        var closed = received.Where(c => c.State == ComplaintState.Closed);
        var rows = key switch
        {
            "complaints-received" => received,
            "complaints-accepted-on-time" => await ComplaintQueries.AcceptedOnTimeAsync(received, true, ct),
            "complaints-closed" => closed,
            "complaints-on-time" => await OnTimeAsync(closed, ct),
            "complaints-rated" => received.Where(c => c.Satisfied != null),
            "complaints-satisfied" => received.Where(c => c.Satisfied == true),
            _ => null,
        };
        return rows?.Select(c => new FigureRow
        {
            Id = c.Id, UnitId = c.AssignedUnitId ?? c.ComplainedUnitId, Title = c.TrackingCode,
            Detail = c.Category!.Name,
        });
    }

    /// <summary>
    /// The reply's China-time day against the due day: the providers cannot compare an instant with a date column alike, so
    /// the closed complaints' two dates are read once and the on-time ones selected by id in the same filtered query.
    /// </summary>
    private static async Task<IQueryable<Complaint>> OnTimeAsync(IQueryable<Complaint> closed, CancellationToken ct)
    {
        var dates = await closed.Where(c => c.RepliedAt != null && c.ResolveDueDate != null)
            .Select(c => new { c.Id, c.RepliedAt, c.ResolveDueDate }).ToListAsync(ct);
        var ids = dates.Where(d => DateOnly.FromDateTime(d.RepliedAt!.Value.ToOffset(ChinaTime.Offset).DateTime) <= d.ResolveDueDate).Select(d => d.Id).ToList();
        return closed.Where(c => ids.Contains(c.Id));
    }
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder complaints) => complaints.MapFiguresOf<ComplaintFigures>(InsightsPolicies.View, "投诉举报");
}
