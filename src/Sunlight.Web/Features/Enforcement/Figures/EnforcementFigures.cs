using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Insights;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Figures;

/// <summary>Legality-warning figures for the warnings raised in the period (<see cref="Warning.RaisedAt"/>, China time) of a unit.</summary>
internal sealed class EnforcementFigures(SunlightDbContext db) : IFigureSource
{
    public string Path => "/api/v1/cases";

    public IReadOnlyList<(string Key, string Label)> Keys { get; } =
    [
        ("warnings", "合法性预警"),
        ("warnings-open", "未处置的合法性预警"),
    ];

    public Task<IQueryable<FigureRow>?> RowsAsync(string key, FigureFilter f, CancellationToken ct)
    {
        var raised = db.Set<Warning>().AsNoTracking();
        if (f.FromInstant is { } from)
        {
            raised = raised.Where(w => w.RaisedAt >= from);
        }
        if (f.ToInstantExclusive is { } to)
        {
            raised = raised.Where(w => w.RaisedAt < to);
        }
        if (f.UnitId is { } unit)
        {
            raised = raised.Where(w => w.UnitId == unit);
        }
        var rows = key switch
        {
            "warnings" => raised,
            "warnings-open" => raised.Where(w => w.State == WarningState.Open),
            _ => null,
        };
        return Task.FromResult(rows?.Select(w => new FigureRow { Id = w.Id, UnitId = w.UnitId, Title = w.Case!.Number + " " + w.Rule, Detail = w.Message }));
    }
}

internal static class FiguresEndpoint
{
    public static void MapFigures(this RouteGroupBuilder cases) => cases.MapFiguresOf<EnforcementFigures>(InsightsPolicies.View, "合法性预警");
}
