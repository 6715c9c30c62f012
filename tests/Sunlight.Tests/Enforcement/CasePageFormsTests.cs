using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>The case page's forms for what was API-only: 办案期限延长, 全过程记录 upload (SHA-256 shown), the party's PIN (shown once).</summary>
public sealed partial class CasePageFormsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<long> CaseAsync(int daysAgo)
    {
        var filed = Today(app).AddDays(-daysAgo);
        var officers = (await QualifiedOfficers(app, "unit02", filed)).Take(2);
        return (await RegisterAsync(await app.ClientFor("unit02"), Penalty($"页〔{filed.Year}〕{Guid.NewGuid():N}"[..30], filed, officers))).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task ExtensionForm_OnTheCasePage_StoresTheExtension_BadInputStaysOnTheForm()
    {
        var id = await CaseAsync(100);
        using var unit = await PageSession.SignInAsync(app, "unit02");
        var detail = $"/Enforcement/Detail/{id}";
        Assert.Contains("data-testid=\"extension-form\"", await unit.GetHtmlAsync(detail), StringComparison.Ordinal);
        var action = $"/Enforcement/Extend/{id}";

        var tooLong = new string('理', CaseColumns.ReasonLength + 1);
        var refused = await unit.PostFormAsync(detail, action, new()
        {
            ["Input.Kind"] = "Extension", ["Input.Days"] = "30", ["Input.Reason"] = tooLong, ["Input.ApprovedOn"] = Today(app).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"理由不能超过 {CaseColumns.ReasonLength} 个字", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<CaseExtension>().AnyAsync(e => e.CaseId == id)));

        var done = await unit.PostFormAsync(detail, action, new()
        {
            ["Input.Kind"] = "Extension", ["Input.Days"] = "30", ["Input.Reason"] = "案情复杂，经局长批准", ["Input.ApprovedOn"] = Today(app).AddDays(-3).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(detail, done.Headers.Location!.OriginalString);
        var stored = await app.Db(db => db.Set<CaseExtension>().AsNoTracking().SingleAsync(e => e.CaseId == id));
        Assert.Equal((ExtensionKind.Extension, 30, "案情复杂，经局长批准"), (stored.Kind, stored.Days, stored.Reason));
        var html = System.Net.WebUtility.HtmlDecode(await unit.GetHtmlAsync(detail));
        Assert.Contains("批准延长 30 日：案情复杂，经局长批准", html, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Warnings.AnyAsync(w => w.CaseId == id && w.Rule == "P-90DAYS" && w.State == WarningState.Open)));

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        Assert.DoesNotContain("extension-form", await supervisor.GetHtmlAsync(detail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordUpload_PerMilestone_IsStored_AndTheCasePageShowsItsSha256()
    {
        var id = await CaseAsync(10);
        using var unit = await PageSession.SignInAsync(app, "unit02");
        var detail = $"/Enforcement/Detail/{id}";
        var action = $"/Enforcement/Records/{id}";
        byte[] pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. Guid.NewGuid().ToByteArray(), .. "\n%%EOF"u8.ToArray()];

        var missing = new MultipartFormDataContent { { new StringContent("Filed"), "Input.Milestone" }, { new StringContent("立案审批表"), "Input.DocumentKind" } };
        var refused = await unit.PostMultipartAsync(detail, action, missing);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择文件", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { new StringContent("Filed"), "Input.Milestone" }, { new StringContent("立案审批表"), "Input.DocumentKind" }, { file, "Input.File", "立案审批表.pdf" } };
        var done = await unit.PostMultipartAsync(detail, action, form);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var stored = await app.Db(db => db.Set<ProcessRecord>().AsNoTracking().SingleAsync(r => r.CaseId == id));
        Assert.Equal((MilestoneKind.Filed, "立案审批表", "立案审批表.pdf", sha, pdf.Length), (stored.Milestone, stored.DocumentKind, stored.FileName, stored.Sha256.ToLowerInvariant(), (int)stored.Size));
        var html = System.Net.WebUtility.HtmlDecode(await unit.GetHtmlAsync(detail));
        Assert.Contains(stored.Sha256, html, StringComparison.Ordinal);
        Assert.Contains("立案审批表.pdf", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyPin_IsShownOnce_AndOpensThePartyView_OnlyTheUnitIssuesIt()
    {
        var id = await CaseAsync(10);
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var page = $"/Enforcement/PartyPin/{id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync(page)).StatusCode);
        using var other = await PageSession.SignInAsync(app, "unit05");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(page)).StatusCode);

        using var unit = await PageSession.SignInAsync(app, "unit02");
        Assert.Contains("data-testid=\"party-pin-form\"", await unit.GetHtmlAsync($"/Enforcement/Detail/{id}"), StringComparison.Ordinal);
        var issued = await unit.PostFormAsync($"/Enforcement/Detail/{id}", page, []);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(issued.Headers.CacheControl?.NoStore);
        var pin = PinShown().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(pin);
        var stored = await app.Db(db => db.EnforcementCases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(stored.PartyPinHash);
        Assert.DoesNotContain(pin, await unit.GetHtmlAsync(page), StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostJson($"/api/v1/acts/{stored.ActCode}/party", new { pin })).StatusCode);
    }

    [GeneratedRegex("data-testid=\"pin\">([^<]+)<")]
    private static partial Regex PinShown();
}
