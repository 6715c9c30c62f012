using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Infrastructure.Audit;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;

namespace Sunlight.Tests.Leniency;

/// <summary>转立案: a broken (or overdue) pledge becomes a 行政处罚 case in the register, once, linked from the exemption.</summary>
public sealed class ToPenaltyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string ItemName = "未按规定悬挂营业执照";

    private async Task<(long Id, string Uscc)> ExemptionAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var name = ItemName + test[..8];
        var item = Item(await ApprovedListAsync(app, "unit06", ListKind.FirstViolation, (name, ["初次违法"])), name);
        var uscc = NewUscc();
        using var unit06 = await app.ClientFor("unit06");
        var id = (await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)))).GetProperty("exemption").GetProperty("id").GetInt64();
        return (id, uscc);
    }

    private static string Number() => $"罚转-{Guid.NewGuid():N}"[..24];

    [Fact]
    [ScopeCovered("POST /api/v1/leniency/exemptions/{id:long}/to-penalty")]
    public async Task BrokenPledge_RegistersOnePenaltyCase_LinkedAndAudited_SecondIsRefused()
    {
        var (id, uscc) = await ExemptionAsync();
        using var unit06 = await app.ClientFor("unit06");
        var today = ChinaTime.Today(app.Clock);
        var number = Number();

        // Still pending and not overdue: no next step yet.
        Assert.Equal("L-PENALTY", (await HttpAssert.Problem(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number, filedOn = today }), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
        await Json(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = false, evidence = "复查发现仍未公示" }));

        // Wrong role, other unit, bad input: refused, nothing stored.
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number, filedOn = today }), HttpStatusCode.Forbidden);
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number, filedOn = today }), HttpStatusCode.NotFound);
        var bad = await HttpAssert.Problem(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty",
            new { number = new string('号', CaseColumns.NumberLength + 1), filedOn = today.AddDays(1) }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", bad.GetProperty("errors").GetProperty("number")[0].GetString());
        Assert.Contains("不能晚于今天", bad.GetProperty("errors").GetProperty("filedOn")[0].GetString());
        Assert.Equal(0, await app.Db(db => db.EnforcementCases.CountAsync(c => c.PartyUscc == uscc)));

        var detail = await Json(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number, filedOn = today }));
        var caseId = detail.GetProperty("exemption").GetProperty("penaltyCaseId").GetInt64();
        var stored = await app.Db(db => db.EnforcementCases.Include(c => c.Milestones).SingleAsync(c => c.PartyUscc == uscc));
        var exemption = await app.Db(db => db.Set<ExemptionCase>().SingleAsync(e => e.Id == id));
        Assert.Equal(caseId, stored.Id);
        Assert.Equal(caseId, exemption.PenaltyCaseId);
        Assert.Equal((CaseKind.Penalty, number, PartyKind.Enterprise, exemption.EnterpriseName, exemption.ItemName, exemption.LegalBasis, (DateOnly?)exemption.ViolationOn, (DateOnly?)today),
            (stored.Kind, stored.Number, stored.PartyKind, stored.PartyName, stored.ItemName, stored.LegalBasis, stored.ViolationOn, stored.FiledOn));
        Assert.Contains(exemption.Number, stored.Title, StringComparison.Ordinal);
        Assert.Equal(MilestoneKind.Filed, Assert.Single(stored.Milestones).Kind);

        var (caseEntry, exemptionEntry) = await app.Db(async db => (
            await db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == nameof(EnforcementCase) && a.EntityId == caseId.ToString() && a.Action == "Create"),
            await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(ExemptionCase) && a.EntityId == id.ToString()).OrderByDescending(a => a.Sequence).FirstAsync()));
        Assert.Equal("unit06", caseEntry.Actor);
        Assert.Equal("Update", exemptionEntry.Action);
        using (var before = JsonDocument.Parse(exemptionEntry.Before!))
        using (var after = JsonDocument.Parse(exemptionEntry.After!))
        {
            Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("PenaltyCaseId").ValueKind);
            Assert.Equal(caseId, after.RootElement.GetProperty("PenaltyCaseId").GetInt64());
        }

        // Once only.
        Assert.Equal("L-PENALTY", (await HttpAssert.Problem(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number = Number(), filedOn = today }), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
        Assert.Equal(1, await app.Db(db => db.EnforcementCases.CountAsync(c => c.PartyUscc == uscc)));
    }

    [Fact]
    public async Task OverdueFlagged_CanBeTransferred_OnThePage_ATakenNumberStoresNothing()
    {
        var (id, uscc) = await ExemptionAsync();
        await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OverdueFlaggedOn, ChinaTime.Today(app.Clock))));
        using var page = await PageSession.SignInAsync(app, "unit06");
        var html = await page.GetHtmlAsync($"/Leniency/Exemptions/{id}");
        Assert.Contains("data-testid=\"to-penalty-form\"", html, StringComparison.Ordinal);
        Assert.Contains("请转立案", html, StringComparison.Ordinal);

        // A 案号 the unit already used: the register's own rule, and neither the case nor the link is stored.
        var taken = await app.Db(db => db.EnforcementCases.Where(c => c.UnitId == db.Users.Where(u => u.UserName == "unit06").Select(u => u.UnitId).Single()).Select(c => c.Number).FirstOrDefaultAsync());
        var today = ChinaTime.Today(app.Clock).ToString("yyyy-MM-dd");
        if (taken is not null)
        {
            var refused = await page.PostFormAsync($"/Leniency/Exemptions/{id}", $"/Leniency/ToPenalty/{id}", new() { ["Input.Number"] = taken, ["Input.FiledOn"] = today });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("本单位已登记案号", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.PenaltyCaseId).SingleAsync()));
        }

        var done = await page.PostFormAsync($"/Leniency/Exemptions/{id}", $"/Leniency/ToPenalty/{id}", new() { ["Input.Number"] = Number(), ["Input.FiledOn"] = today });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var caseId = await app.Db(db => db.EnforcementCases.Where(c => c.PartyUscc == uscc).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/Enforcement/Detail/{caseId}", done.Headers.Location!.OriginalString);
        var after = await page.GetHtmlAsync($"/Leniency/Exemptions/{id}");
        Assert.Contains($"/Enforcement/Detail/{caseId}", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"to-penalty-form\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExemptionAuditEntry_ReadsInChinese()
    {
        var (id, _) = await ExemptionAsync();
        var (entryId, number) = await app.Db(async db => (
            await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(ExemptionCase) && a.EntityId == id.ToString() && a.Action == "Create").Select(a => a.Id).SingleAsync(),
            await db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.Number).SingleAsync()));
        using var observer = await PageSession.SignInAsync(app, "observer");
        var detail = await observer.GetHtmlAsync($"/Audit/Detail/{entryId}");
        var readable = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(detail[detail.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
        foreach (var text in new[] { $"免罚案件 {number}", "承诺履行情况", "待整改", "清单类别", "首违不罚", "整改期限", "执法单位", "清单事项", ItemName })
        {
            Assert.Contains(text, readable, StringComparison.Ordinal);
        }
        foreach (var raw in new[] { "ExemptionCase", "Pending", "FirstViolation", "CorrectionDeadline", "ListItemId" })
        {
            Assert.DoesNotContain(raw, readable, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WorkHome_ShowsThePledgeToFollowUp_ThenTheTransfer_AndTheBureauSeesItOverdue()
    {
        var (id, _) = await ExemptionAsync();
        var number = await app.Db(db => db.Set<ExemptionCase>().Where(e => e.Id == id).Select(e => e.Number).SingleAsync());
        using var page = await PageSession.SignInAsync(app, "unit06");
        var home = WebUtility.HtmlDecode(await page.GetHtmlAsync("/"));
        Assert.Contains(number, home, StringComparison.Ordinal);
        Assert.Contains("跟踪整改，登记承诺履行情况", home, StringComparison.Ordinal);
        Assert.Contains("剩余", home, StringComparison.Ordinal);
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        Assert.DoesNotContain(number, WebUtility.HtmlDecode(await supervisor.GetHtmlAsync("/")), StringComparison.Ordinal);

        using var unit06 = await app.ClientFor("unit06");
        await Json(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = false, evidence = "未整改" }));
        Assert.Contains("未按承诺整改，转立案", WebUtility.HtmlDecode(await page.GetHtmlAsync("/")), StringComparison.Ordinal);
        Assert.Contains(number, WebUtility.HtmlDecode(await supervisor.GetHtmlAsync("/")), StringComparison.Ordinal);
        using var unit01 = await PageSession.SignInAsync(app, "unit01");
        Assert.DoesNotContain(number, WebUtility.HtmlDecode(await unit01.GetHtmlAsync("/")), StringComparison.Ordinal);

        await Json(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/to-penalty", new { number = Number(), filedOn = ChinaTime.Today(app.Clock) }));
        Assert.DoesNotContain(number, WebUtility.HtmlDecode(await page.GetHtmlAsync("/")), StringComparison.Ordinal);
    }
}
