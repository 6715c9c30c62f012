using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Registry;
using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Leniency;

/// <summary>Lists, exemptions and register cases set up over HTTP (and, for the case register, in the database).</summary>
internal static class LeniencyTestKit
{
    private static int _next = 700_000_000 + Environment.ProcessId % 1000 * 1000;

    /// <summary>A valid USCC no demo enterprise has.</summary>
    public static string NewUscc()
    {
        var first17 = $"91359901{Interlocked.Increment(ref _next):D9}";
        return first17 + Uscc.CheckCharacter(first17);
    }

    public static async Task<long> UnitIdOf(SunlightFactory app, string userName) =>
        await app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.UnitId!.Value).SingleAsync());

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new draft version of <paramref name="kind"/> for the unit, with the items added, approved by the Supervisor.</summary>
    public static async Task<JsonElement> ApprovedListAsync(SunlightApp app, string unitUser, ListKind kind, params (string Name, string[] Conditions)[] items)
    {
        using var unit = await app.ClientFor(unitUser);
        var created = await unit.PostJson("/api/v1/leniency/lists", new { kind });
        long id;
        JsonElement list;
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            // A draft left by another test of the class: add to it.
            id = (await Json(await unit.GetAsync($"/api/v1/leniency/lists?kind={kind}&state={ListState.Draft}"))).GetProperty("items")[0].GetProperty("id").GetInt64();
            list = await Json(await unit.GetAsync($"/api/v1/leniency/lists/{id}"));
        }
        else
        {
            list = await Json(created);
            id = list.GetProperty("list").GetProperty("id").GetInt64();
        }
        foreach (var (name, conditions) in items)
        {
            list = await Json(await unit.PostJson($"/api/v1/leniency/lists/{id}/items", new { name, conditions, legalBasis = "《中华人民共和国行政处罚法》第三十三条" }));
        }
        using var supervisor = await app.ClientFor("supervisor");
        return await Json(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/approve", new { version = list.GetProperty("list").GetProperty("version").GetGuid() }));
    }

    /// <summary>The item of that name in a list detail.</summary>
    public static JsonElement Item(JsonElement detail, string name) =>
        detail.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    public static long[] ConditionIds(JsonElement item) => item.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray();

    public static object ExemptionBody(SunlightApp app, JsonElement item, string uscc, long[]? confirmed = null, string facts = "未按规定公示许可证", string education = "讲解法律规定并督促改正") => new
    {
        listItemId = item.GetProperty("id").GetInt64(), uscc, enterpriseName = "青禾测试企业有限公司", facts,
        violationOn = ChinaTime.Today(app.Clock).AddDays(-1), confirmedConditions = confirmed ?? ConditionIds(item), education,
        correctionDeadline = ChinaTime.Today(app.Clock).AddDays(15),
    };

    /// <summary>A 行政处罚 case of the register, written straight to the database (the register's own steps are another helper's).</summary>
    public static Task<long> RegisterCaseAsync(SunlightApp app, string unitUser, string uscc, string itemName, DateOnly violationOn) =>
        app.Db(async db =>
        {
            var unitId = await db.Users.Where(u => u.UserName == unitUser).Select(u => u.UnitId!.Value).SingleAsync();
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            var c = new EnforcementCase
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Kind = CaseKind.Penalty, Number = $"罚-{Guid.NewGuid():N}"[..20], Title = "测试案件",
                PartyKind = PartyKind.Enterprise, PartyName = "青禾测试企业有限公司", PartyUscc = uscc, ItemName = itemName, LegalBasis = "测试依据",
                ViolationOn = violationOn, ActCode = EnforcementCase.NewActCode(), CreatedAt = app.Clock.GetUtcNow(),
            };
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
}
