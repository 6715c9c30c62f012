using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Enforcement;

/// <summary>What the enforcement tests share: the demo unit's officers by qualification, and a case entered over HTTP.</summary>
internal static class EnforcementTestKit
{
    public static DateOnly Today(SunlightApp app) => ChinaTime.Today(app.Clock);

    public static Task<long> UnitOf(SunlightApp app, string account) =>
        app.Db(db => db.Users.Where(u => u.UserName == account).Select(u => u.UnitId!.Value).SingleAsync());

    /// <summary>The unit's officers (not auxiliary) with a 执法证 valid on <paramref name="on"/>.</summary>
    public static async Task<List<long>> QualifiedOfficers(SunlightApp app, string account, DateOnly on)
    {
        var unit = await UnitOf(app, account);
        return await app.Db(db => db.Officers.Where(o => o.UnitId == unit && !o.IsAuxiliary && o.Credentials.Any(k => k.ValidFrom <= on && k.ValidTo >= on))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
    }

    public static async Task<long?> ExpiredOfficer(SunlightApp app, string account, DateOnly on)
    {
        var unit = await UnitOf(app, account);
        return await app.Db(db => db.Officers.Where(o => o.UnitId == unit && !o.IsAuxiliary && !o.Credentials.Any(k => k.ValidFrom <= on && k.ValidTo >= on))
            .OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync());
    }

    public static object Penalty(string number, DateOnly filedOn, IEnumerable<long> officers, decimal fine = 5000m, string? title = null) => new
    {
        kind = "Penalty", number, title = title ?? "某公司未按规定公示信息案", filedOn, partyKind = "Enterprise", partyName = "青禾县演示有限公司",
        partyUscc = "91350100M000100Y43", itemName = "未按规定公示信息", legalBasis = "《企业信息公示暂行条例》第十八条", fineAmount = fine,
        violationOn = filedOn.AddDays(-30), officerIds = officers.ToArray(),
    };

    public static async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostJson("/api/v1/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> MilestoneAsync(HttpClient client, long caseId, string kind, DateOnly on)
    {
        var response = await client.PostJson($"/api/v1/cases/{caseId}/milestones", new { kind, on });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static IEnumerable<string> OpenRules(JsonElement detail) =>
        detail.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("state").GetString() == "Open").Select(w => w.GetProperty("rule").GetString()!);

    public static Task<EnforcementCase> StoredAsync(SunlightApp app, long id) =>
        app.Db(db => db.EnforcementCases.AsNoTracking().Include(c => c.Milestones).Include(c => c.Officers).Include(c => c.Reviews).SingleAsync(c => c.Id == id));
}
