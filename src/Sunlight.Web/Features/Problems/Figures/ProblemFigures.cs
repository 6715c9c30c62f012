using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Insights;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Figures;

/// <summary>
/// Ledger figures for the problems raised in the period (<see cref="Problem.RaisedOn"/>) of a unit. Overdue is
/// <see cref="ProblemLateness"/>'s rule as of today, as the ledger's own overdue filter.
/// </summary>
internal sealed class ProblemFigures(SunlightDbContext db, TimeProvider clock) : IFigureSource
{
    /// <summary>The category of the problems with the three systems (公示、全过程记录、法制审核).</summary>
    public const string ThreeSystems = "三项制度落实";

    public string Path => "/api/v1/problems";

    public IReadOnlyList<(string Key, string Label)> Keys { get; } =
    [
        ("problems", "问题清单"),
        ("problems-three-systems", "三项制度落实问题"),
        ("problems-written-off", "已销账问题"),
        ("rectifications-overdue", "整改逾期"),
    ];

    public Task<IQueryable<FigureRow>?> RowsAsync(string key, FigureFilter f, CancellationToken ct)
    {
        var raised = db.Set<Problem>().AsNoTracking();
        if (f.From is { } from)
        {
            raised = raised.Where(p => p.RaisedOn >= from);
        }
        if (f.To is { } to)
        {
            raised = raised.Where(p => p.RaisedOn <= to);
        }
        if (f.UnitId is { } unit)
        {
            raised = raised.Where(p => p.UnitId == unit);
        }
        var rows = key switch
        {
            "problems" => raised,
            "problems-three-systems" => raised.Where(p => p.Category == ThreeSystems),
            "problems-written-off" => raised.Where(p => p.State == ProblemState.WrittenOff),
            "rectifications-overdue" => raised.WhereOverdue(ChinaTime.Today(clock)),
            _ => null,
        };
        return Task.FromResult(rows?.Select(p => new FigureRow { Id = p.Id, UnitId = p.UnitId, Title = p.Number, Detail = p.Category + "：" + p.Description }));
    }
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder problems) => problems.MapFiguresOf<ProblemFigures>(InsightsPolicies.View, "问题整改");
}
