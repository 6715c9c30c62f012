using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Guidance;

internal sealed record GuidanceRecordDto(long Id, long UnitId, string UnitName, string TargetName, string? TargetUscc, string Matter, GuidanceForm Form,
    string FormName, string? Basis, DateOnly On, string Officer, bool? Accepted, string? Result, long? RequestId);

internal sealed record GuidanceRequestDto(long Id, long UnitId, string UnitName, string Uscc, string EnterpriseName, string Contact, string Matter,
    DateTimeOffset SubmittedAt, DateOnly DueOn, RequestState State, string StateName, string? Answer, DateOnly? AnsweredOn, Guid Version);

/// <summary>Guidance records filter: unit, form, date from/to; keyset, newest first.</summary>
internal sealed record GuidanceRecordQuery(long? UnitId, GuidanceForm? Form, DateOnly? From, DateOnly? To, long? After, int? Limit)
{
    public IQueryable<GuidanceRecord> Apply(IQueryable<GuidanceRecord> rows)
    {
        if (UnitId is { } unit) rows = rows.Where(r => r.UnitId == unit);
        if (Form is { } form) rows = rows.Where(r => r.Form == form);
        if (From is { } from) rows = rows.Where(r => r.On >= from);
        if (To is { } to) rows = rows.Where(r => r.On <= to);
        return rows;
    }
}

internal sealed record GuidanceRequestQuery(long? UnitId, RequestState? State, long? After, int? Limit);

internal static class GuidanceQueries
{
    public static async Task<Page<GuidanceRecordDto>> RecordsAsync(SunlightDbContext db, GuidanceRecordQuery q, CancellationToken ct)
    {
        var page = await q.Apply(db.Set<GuidanceRecord>().AsNoTracking()).KeysetAsync(r => r.Id, true, q.After, q.Limit, r => r, r => r.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(i => (long?)i.UnitId), ct);
        return page.Map(r => RecordDto(r, names.GetValueOrDefault(r.UnitId, "")));
    }

    internal static GuidanceRecordDto RecordDto(GuidanceRecord r, string unitName) =>
        new(r.Id, r.UnitId, unitName, r.TargetName, r.TargetUscc, r.Matter, r.Form, LeniencyNames.Of(r.Form), r.Basis, r.On, r.Officer, r.Accepted, r.Result, r.RequestId);

    /// <summary>Requests: a unit sees those addressed to it, an enterprise its own (by USCC), the bureau all.</summary>
    public static async Task<Page<GuidanceRequestDto>> RequestsAsync(SunlightDbContext db, GuidanceRequestQuery q, CancellationToken ct)
    {
        // The query filters narrow: a unit to its own, an enterprise to its own (by USCC).
        var rows = db.Set<GuidanceRequest>().AsNoTracking();
        if (q.UnitId is { } unit) rows = rows.Where(r => r.UnitId == unit);
        if (q.State is { } state) rows = rows.Where(r => r.State == state);
        var page = await rows.KeysetAsync(r => r.Id, true, q.After, q.Limit, r => r, r => r.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(i => (long?)i.UnitId), ct);
        return page.Map(r => RequestDto(r, names.GetValueOrDefault(r.UnitId, "")));
    }

    internal static GuidanceRequestDto RequestDto(GuidanceRequest r, string unitName) =>
        new(r.Id, r.UnitId, unitName, r.Uscc, r.EnterpriseName, r.Contact, r.Matter, r.SubmittedAt, r.DueOn, r.State, LeniencyNames.Of(r.State), r.Answer, r.AnsweredOn, r.Version);

    public static void MapGuidanceReads(this RouteGroupBuilder g) =>
        g.MapGet("/guidance/records", async ([AsParameters] GuidanceRecordQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await RecordsAsync(db, q, ct)))
            .WithSummary("行政指导记录（按单位、方式、日期筛选；最新在前）");
}
