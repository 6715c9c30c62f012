using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Registry;
using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Inspections;

/// <summary>Shared steps of the inspection tests: a unit's items, qualified officers, a filed plan, a registration.</summary>
internal static class InspectionTestKit
{
    public static DateOnly Today(SunlightFactory app) => ChinaTime.Today(app.Clock);

    public static Task<long> UnitId(SunlightFactory app, string userName) =>
        app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.UnitId!.Value).SingleAsync());

    public static Task<List<long>> ItemIds(SunlightFactory app, long unitId) =>
        app.Db(db => db.InspectionItems.Where(i => i.UnitId == unitId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());

    public static async Task<List<long>> QualifiedOfficers(SunlightFactory app, long unitId, DateOnly date)
    {
        var officers = await app.Db(db => db.Officers.Include(o => o.Credentials).Where(o => o.UnitId == unitId).OrderBy(o => o.Id).ToListAsync());
        return officers.Where(o => o.IsQualifiedOn(date)).Select(o => o.Id).ToList();
    }

    /// <summary>The enterprise of the demo account "enterprise".</summary>
    public static Task<long> DemoEnterpriseId(SunlightFactory app) =>
        app.Db(async db =>
        {
            var uscc = await db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc).SingleAsync();
            return await db.Enterprises.Where(e => e.Uscc == uscc).Select(e => e.Id).SingleAsync();
        });

    /// <summary>An enterprise nobody has inspected yet (the demo year leaves many untouched), distinct per call.</summary>
    public static Task<long> QuietEnterpriseId(SunlightFactory app, int skip = 0) =>
        app.Db(db => db.Enterprises.Where(e => !db.Set<Inspection>().Any(i => i.EnterpriseId == e.Id) && !db.Set<QuietListEntry>().Any(q => q.EnterpriseId == e.Id)).OrderByDescending(e => e.Id).Skip(skip).Select(e => e.Id).FirstAsync());

    public static async Task<long> PlanAsync(HttpClient client, long[] itemIds, int year)
    {
        var body = await HttpAssert.Ok<JsonElement>(await client.PostJson("/api/v1/inspections/plans",
            new { year, title = $"{year} 年度涉企检查计划", itemIds, months = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, targetCount = 50 }), HttpStatusCode.Created);
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>Registers an inspection by <paramref name="user"/>: routine from a new plan unless a type is given (个案 gets a trigger).</summary>
    public static async Task<HttpResponseMessage> RegisterRaw(SunlightFactory app, string user, long enterpriseId, DateOnly date,
        string type = "Routine", bool confirm = false, long[]? officers = null, long[]? items = null, string? purpose = "日常监督检查", string? backfillReason = null)
    {
        var unitId = await UnitId(app, user);
        using var client = await app.ClientFor(user);
        items ??= [(await ItemIds(app, unitId))[0]];
        officers ??= (await QualifiedOfficers(app, unitId, date)).Take(2).ToArray();
        long? planId = type is "Routine" or "Special" ? await PlanAsync(client, items, date.Year) : null;
        return await client.PostJson("/api/v1/inspections", new
        {
            enterpriseId, type, mode = "OnSite", visitDate = date, purpose, itemIds = items, officerIds = officers, planId,
            trigger = type == "CaseDriven" ? "群众投诉举报转办" : null, backfillReason, confirmWarnings = confirm,
        });
    }

    public static async Task<InspectionDto> RegisterAsync(SunlightFactory app, string user, long enterpriseId, DateOnly date, string type = "Routine", bool confirm = false) =>
        await HttpAssert.Ok<InspectionDto>(await RegisterRaw(app, user, enterpriseId, date, type, confirm), HttpStatusCode.Created);

    public static async Task<InspectionDto> ApproveAsync(SunlightFactory app, string user, long id)
    {
        using var client = await app.ClientFor(user);
        return await HttpAssert.Ok<InspectionDto>(await client.PostJson($"/api/v1/inspections/{id}/approve", new { approvedBy = "王局长" }));
    }
}
