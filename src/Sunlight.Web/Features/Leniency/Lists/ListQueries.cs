using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Lists;

internal sealed record ConditionDto(long Id, string Text);

internal sealed record ListItemDto(long Id, long ListId, long UnitId, string UnitName, ListKind Kind, string KindName, string Name,
    IReadOnlyList<ConditionDto> Conditions, string LegalBasis, string? Form, string? Note);

internal sealed record ListDto(long Id, long UnitId, string UnitName, ListKind Kind, string KindName, int Number, ListState State, string StateName,
    bool IsPublished, int ItemCount, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, Guid Version);

internal sealed record ListDetailDto(ListDto List, IReadOnlyList<ListItemDto> Items);

/// <summary>Lists filter: unit, kind, state; keyset <c>after</c>/<c>limit</c>, newest first.</summary>
internal sealed record ListQuery(long? UnitId, ListKind? Kind, ListState? State, long? After, int? Limit);

/// <summary>Items filter: current (approved) items of a unit and kind; <c>noPenalty</c> = 不予处罚 incl. 首违不罚 and 轻微违法免罚.</summary>
internal sealed record ItemQuery(long? UnitId, ListKind? Kind, bool? NoPenalty, long? After, int? Limit);

internal static class ListQueries
{
    public static async Task<Page<ListDto>> PageAsync(SunlightDbContext db, ListQuery q, CancellationToken ct)
    {
        var rows = db.Set<LeniencyList>().AsNoTracking();
        if (q.UnitId is { } unit) rows = rows.Where(l => l.UnitId == unit);
        if (q.Kind is { } kind) rows = rows.Where(l => l.Kind == kind);
        if (q.State is { } state) rows = rows.Where(l => l.State == state);
        var page = await rows.KeysetAsync(l => l.Id, true, q.After, q.Limit,
            l => new { l.Id, l.UnitId, l.Kind, l.Number, l.State, l.IsPublished, Count = l.Items.Count, l.CreatedAt, l.CreatedBy, l.ApprovedAt, l.ApprovedBy, l.Version },
            l => l.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(i => (long?)i.UnitId), ct);
        return page.Map(l => new ListDto(l.Id, l.UnitId, names.GetValueOrDefault(l.UnitId, ""), l.Kind, LeniencyNames.Of(l.Kind), l.Number, l.State,
            LeniencyNames.Of(l.State), l.IsPublished, l.Count, l.CreatedAt, l.CreatedBy, l.ApprovedAt, l.ApprovedBy, l.Version));
    }

    public static async Task<ListDetailDto?> DetailAsync(SunlightDbContext db, long id, CancellationToken ct)
    {
        var l = await db.Set<LeniencyList>().AsNoTracking().Include(x => x.Items).ThenInclude(i => i.Conditions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null)
        {
            return null;
        }
        var unitName = (await db.UnitNamesAsync([l.UnitId], ct)).GetValueOrDefault(l.UnitId, "");
        var dto = new ListDto(l.Id, l.UnitId, unitName, l.Kind, LeniencyNames.Of(l.Kind), l.Number, l.State, LeniencyNames.Of(l.State), l.IsPublished,
            l.Items.Count, l.CreatedAt, l.CreatedBy, l.ApprovedAt, l.ApprovedBy, l.Version);
        return new ListDetailDto(dto, l.Items.OrderBy(i => i.Order).Select(i => ItemDto(i, l.Kind, unitName)).ToList());
    }

    internal static ListItemDto ItemDto(ListItem i, ListKind kind, string unitName) =>
        new(i.Id, i.ListId, i.UnitId, unitName, kind, LeniencyNames.Of(kind), i.Name, i.Conditions.OrderBy(c => c.Order).Select(c => new ConditionDto(c.Id, c.Text)).ToList(),
            i.LegalBasis, i.Form, i.Note);

    /// <summary>The items in force: those of approved (published) list versions.</summary>
    public static IQueryable<ListItem> CurrentItems(SunlightDbContext db, long? unitId, ListKind? kind, bool? noPenalty)
    {
        var items = db.Set<ListItem>().AsNoTracking().Where(i => i.List!.State == ListState.Approved);
        if (unitId is { } unit) items = items.Where(i => i.UnitId == unit);
        if (kind is { } k) items = items.Where(i => i.List!.Kind == k);
        if (noPenalty == true) items = items.Where(i => i.List!.Kind == ListKind.NoPenalty || i.List!.Kind == ListKind.FirstViolation || i.List!.Kind == ListKind.MinorViolation);
        return items;
    }

    public static async Task<Page<ListItemDto>> ItemsAsync(SunlightDbContext db, ItemQuery q, CancellationToken ct)
    {
        var page = await CurrentItems(db, q.UnitId, q.Kind, q.NoPenalty).KeysetAsync(i => i.Id, false, q.After, q.Limit,
            i => new ListItemDto(i.Id, i.ListId, i.UnitId, "", i.List!.Kind, "", i.Name, i.Conditions.OrderBy(c => c.Order).Select(c => new ConditionDto(c.Id, c.Text)).ToList(),
                i.LegalBasis, i.Form, i.Note), i => i.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(i => (long?)i.UnitId), ct);
        return page.Map(i => i with { UnitName = names.GetValueOrDefault(i.UnitId, ""), KindName = LeniencyNames.Of(i.Kind) });
    }

    public static void MapListReads(this RouteGroupBuilder g)
    {
        g.MapGet("/lists", async ([AsParameters] ListQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await PageAsync(db, q, ct)))
            .WithSummary("清单版本（按单位、类别、状态筛选；最新在前，after 为上一页最后一条的 id）");
        g.MapGet("/lists/{id:long}", async Task<Results<Ok<ListDetailDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
                await DetailAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("清单"))
            .WithSummary("清单版本及其事项（每项的适用条件逐条列出）");
        g.MapGet("/items", async ([AsParameters] ItemQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await ItemsAsync(db, q, ct)))
            .WithSummary("现行（已批准公示）清单事项（按单位、类别筛选；noPenalty=true 为不予处罚类，含首违不罚、轻微违法免罚）");
    }
}
