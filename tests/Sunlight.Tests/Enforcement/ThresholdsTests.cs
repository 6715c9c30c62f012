using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Thresholds;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>合法性预警阈值 (Features/Enforcement/Thresholds): the Supervisor's page per unit and sector, defaults shown, validated, audited, used by the rules.</summary>
public sealed class ThresholdsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static Dictionary<string, string?> Fields(long unitId, string sector, Action<Dictionary<string, string?>>? change = null)
    {
        var fields = new Dictionary<string, string?> { ["Input.UnitId"] = unitId.ToString(), ["Input.Sector"] = sector };
        var shipped = new LegalityThresholds();
        foreach (var v in ThresholdValues.All)
        {
            fields["Input." + v.Input.Name] = Convert.ToString(v.Entity.GetValue(shipped), System.Globalization.CultureInfo.InvariantCulture);
        }
        change?.Invoke(fields);
        return fields;
    }

    [Fact]
    public async Task Supervisor_SetsAUnitsSectorThresholds_Validated_Audited_AndTheRulesUseThem()
    {
        var unit = await UnitOf(app, "unit02");
        var sector = "食品安全" + Guid.NewGuid().ToString("N")[..4];
        var page = $"/Enforcement/Thresholds?unitId={unit}&sector={Uri.EscapeDataString(sector)}";
        using var staff = await PageSession.SignInAsync(app, "unit02");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.GetAsync("/Enforcement/Thresholds")).StatusCode);

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var shown = System.Net.WebUtility.HtmlDecode(await supervisor.GetHtmlAsync(page));
        Assert.Contains("尚未单独设置", shown, StringComparison.Ordinal);
        Assert.Contains("听证罚款金额（组织）", shown, StringComparison.Ordinal);
        Assert.Contains("默认 100000", shown, StringComparison.Ordinal);
        Assert.Contains("默认 90", shown, StringComparison.Ordinal);

        var refused = await supervisor.PostFormAsync(page, "/Enforcement/Thresholds", Fields(unit, sector, f =>
        {
            f["Input.HearingFineOrganisation"] = "-1";
            f["Input.HearingRequestWorkingDays"] = "0";
            f["Input.Sector"] = new string('业', CaseColumns.SectorLength + 1);
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("听证罚款金额（组织）应为不小于 0 的金额", errors, StringComparison.Ordinal);
        Assert.Contains("听证申请期限（工作日）应在 1 至 30 之间", errors, StringComparison.Ordinal);
        Assert.Contains($"行业领域不能超过 {CaseColumns.SectorLength} 个字", errors, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<LegalityThresholds>().AnyAsync(t => t.UnitId == unit)));

        var saved = await supervisor.PostFormAsync(page, "/Enforcement/Thresholds", Fields(unit, sector, f =>
        {
            f["Input.HearingFineOrganisation"] = "50000";
            f["Input.DecisionDays"] = "60";
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.Db(db => db.Set<LegalityThresholds>().AsNoTracking().SingleAsync(t => t.UnitId == unit && t.Sector == sector));
        Assert.Equal((50000m, 60, 100_000m, 7), (row.HearingFineOrganisation, row.DecisionDays, row.ReviewFineOrganisation, row.ServeDays));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(LegalityThresholds) && e.EntityId == row.Id.ToString()));
        Assert.Equal("Create", entry.Action);
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(60, after.RootElement.GetProperty("DecisionDays").GetInt32());
            Assert.Equal(sector, after.RootElement.GetProperty("Sector").GetString());
        }
        Assert.Contains("已单独设置", System.Net.WebUtility.HtmlDecode(await supervisor.GetHtmlAsync(page)), StringComparison.Ordinal);

        // A case of that unit and sector filed 70 days ago is past the 60-day period; the same case in another sector is not.
        var filed = Today(app).AddDays(-70);
        var officers = (await QualifiedOfficers(app, "unit02", filed)).Take(2).ToArray();
        var client = await app.ClientFor("unit02");
        object Case(string s) => new
        {
            kind = "Penalty", number = $"阈〔{filed.Year}〕{Guid.NewGuid():N}"[..30], title = "某公司经营过期食品案", filedOn = filed, partyKind = "Enterprise",
            partyName = "青禾县演示有限公司", partyUscc = "91350100M000100Y43", itemName = "经营过期食品", legalBasis = "《食品安全法》第一百二十四条",
            sector = s, fineAmount = 5000m, violationOn = filed.AddDays(-10), officerIds = officers,
        };
        Assert.Contains("P-90DAYS", OpenRules(await RegisterAsync(client, Case(sector))));
        Assert.DoesNotContain("P-90DAYS", OpenRules(await RegisterAsync(client, Case("其他行业"))));

        // An edit from a stale page is refused; the stored values stay.
        var stale = await supervisor.PostFormAsync(page, "/Enforcement/Thresholds", Fields(unit, sector, f =>
        {
            f["Input.DecisionDays"] = "80";
            f["Input.Version"] = Guid.NewGuid().ToString();
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(60, await app.Db(db => db.Set<LegalityThresholds>().Where(t => t.Id == row.Id).Select(t => t.DecisionDays).SingleAsync()));
    }
}
