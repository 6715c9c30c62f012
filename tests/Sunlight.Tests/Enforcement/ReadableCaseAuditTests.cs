using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>An enforcement record's audit entries read as Chinese: entity, fields, enum values, the case by its 案号.</summary>
public sealed class ReadableCaseAuditTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task CaseAndWarningEntries_ShowChineseFieldsValuesAndCaseNumber()
    {
        var filed = Today(app).AddDays(-10);
        var officers = await QualifiedOfficers(app, "unit02", filed);
        var number = $"读审计〔{filed.Year}〕{Guid.NewGuid():N}"[..30];
        var created = await RegisterAsync(await app.ClientFor("unit02"), Penalty(number, filed, officers.Take(1)));
        var id = created.GetProperty("id").GetInt64();
        var caseEntry = await app.Db(db => db.AuditEntries.Where(e => e.EntityType == nameof(EnforcementCase) && e.EntityId == id.ToString() && e.Action == "Create").SingleAsync());
        var warningId = await app.Db(db => db.Set<Warning>().Where(w => w.CaseId == id && w.Rule == "P-OFFICERS").Select(w => w.Id).SingleAsync());
        var warningEntry = await app.Db(db => db.AuditEntries.Where(e => e.EntityType == nameof(Warning) && e.EntityId == warningId.ToString()).OrderBy(e => e.Sequence).FirstAsync());

        using var observer = await PageSession.SignInAsync(app, "observer");
        var detail = Readable(await observer.GetHtmlAsync($"/Audit/Detail/{caseEntry.Id}"));
        foreach (var text in new[] { $"行政执法案件 {number}", "执法行为类别", "行政处罚", "案号", "当事人类型", "企业", "罚款金额", "办案环节", "立案" })
        {
            Assert.Contains(text, detail, StringComparison.Ordinal);
        }
        foreach (var raw in new[] { "EnforcementCase", "PartyKind", "Penalty", "FineAmount", "Enterprise\"", "Filed" })
        {
            Assert.DoesNotContain(raw, detail, StringComparison.Ordinal);
        }

        var warning = Readable(await observer.GetHtmlAsync($"/Audit/Detail/{warningEntry.Id}"));
        foreach (var text in new[] { "合法性预警", "规则", "P-OFFICERS", "严重程度", "严重", "状态", "待处理" })
        {
            Assert.Contains(text, warning, StringComparison.Ordinal);
        }
        foreach (var raw in new[] { "Warning", "Serious", "Severity", "Open" })
        {
            Assert.DoesNotContain(raw, warning, StringComparison.Ordinal);
        }
    }

    /// <summary>What a person reads: the main part's text, not its markup.</summary>
    private static string Readable(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
}
