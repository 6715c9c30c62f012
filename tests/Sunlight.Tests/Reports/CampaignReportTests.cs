using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Api;
using UglyToad.PdfPig;

namespace Sunlight.Tests.Reports;

/// <summary>
/// The campaign report (专项治理工作情况报告): the demo 2022 campaign's report carries the figures the figures endpoint
/// gives (22 units, 16 enterprises, 130 files …) and the ledger's rectification states, as Word and as PDF with Chinese text.
/// </summary>
public sealed class CampaignReportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> Campaign2022Async() =>
        app.Db(db => db.Set<Campaign>().Where(c => c.Name.StartsWith("2022年")).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Docx_OpensAndCarriesTheFiguresOfTheFiguresEndpoint_AndTheLedgerStates()
    {
        var id = await Campaign2022Async();
        using var supervisor = await app.ClientFor("supervisor");
        var figures = (await HttpAssert.Ok<FiguresDto>(await supervisor.GetAsync($"/api/v1/campaigns/{id}/figures"))).Figures.ToDictionary(f => f.Key);
        Assert.Equal(22, figures["units-supervised"].Value);
        Assert.Equal(16, figures["enterprises-visited"].Value);
        Assert.Equal(130, figures["case-files-reviewed"].Value);

        var response = await supervisor.GetAsync($"/api/v1/reports/campaigns/{id}/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Contains("关于2022年损害营商环境行政执法", text, StringComparison.Ordinal);
        Assert.Contains($"全县{figures["units-participating"].Value}家执法单位参与", text, StringComparison.Ordinal);
        Assert.Contains($"对{figures["units-supervised"].Value}家执法单位开展集中专项督导检查，走访企业{figures["enterprises-visited"].Value}家", text, StringComparison.Ordinal);
        Assert.Contains($"共发现问题{figures["problems"].Value}个", text, StringComparison.Ordinal);
        Assert.Contains($"抽评涉企执法案卷{figures["case-files-reviewed"].Value}卷", text, StringComparison.Ordinal);
        Assert.Contains($"瑕疵问题{figures["case-file-defects"].Value}个", text, StringComparison.Ordinal);
        Assert.Contains($"已销账问题{figures["problems-written-off"].Value}个", text, StringComparison.Ordinal);
        Assert.Contains("“三项制度”方面问题18个", text, StringComparison.Ordinal);

        // The tables: one row per participating unit (and its header), the categories summing to the problems figure.
        var tables = body.Elements<Table>().ToList();
        var unitTable = tables.Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("执法单位自查", StringComparison.Ordinal));
        Assert.Equal(figures["units-participating"].Value + 1, unitTable.Elements<TableRow>().Count());
        var categoryTable = tables.First(t => t.Elements<TableRow>().First().InnerText.StartsWith("问题类别", StringComparison.Ordinal));
        var categories = figures["problems"].Breakdown!.Single(b => b.Key == "problems-by-category").Breakdown!;
        foreach (var c in categories)
        {
            Assert.Contains(categoryTable.Elements<TableRow>(), r => r.InnerText == c.Label + c.Value);
        }
        Assert.Equal("合计" + figures["problems"].Value, categoryTable.Elements<TableRow>().Last().InnerText);

        // Rectification progress equals the ledger's states for the campaign's problems.
        var states = await app.Db(db => db.Set<Problem>().Where(p => p.SourceType == "Campaign" && p.SourceId == id)
            .GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        int S(ProblemState s) => states.GetValueOrDefault(s);
        Assert.Contains($"已销账{S(ProblemState.WrittenOff)}个，待核账{S(ProblemState.AwaitingVerification)}个，整改中{S(ProblemState.Rectifying)}个，待制定整改措施{S(ProblemState.Raised)}个", text, StringComparison.Ordinal);
        Assert.Equal(figures["problems"].Value, states.Values.Sum());
        // Page numbers in the footer (a PAGE field).
        Assert.Contains(doc.MainDocumentPart.FooterParts.SelectMany(p => p.Footer!.Descendants<FieldCode>()), f => f.Text.Trim() == "PAGE");
    }

    [Fact]
    public async Task Pdf_HasChineseTextNotImages_AndEmbedsTheFont()
    {
        var id = await Campaign2022Async();
        using var observer = await app.ClientFor("observer");
        var figures = (await HttpAssert.Ok<FiguresDto>(await observer.GetAsync($"/api/v1/campaigns/{id}/figures"))).Figures.ToDictionary(f => f.Key);
        var response = await observer.GetAsync($"/api/v1/reports/campaigns/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        var text = string.Concat(pages.Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("工作情况的报告", text, StringComparison.Ordinal);
        Assert.Contains($"走访企业{figures["enterprises-visited"].Value}家", text, StringComparison.Ordinal);
        Assert.Contains($"抽评涉企执法案卷{figures["case-files-reviewed"].Value}卷", text, StringComparison.Ordinal);
        Assert.Contains("— 2 —", text, StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Empty(p.GetImages()));
        // The font is embedded as a subset ("ABCDEF+Noto Serif SC …"; the file stays far below the 15 MB font).
        var fonts = pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Noto Serif SC", f));
        Assert.True(response.Content.Headers.ContentLength < 3_000_000, $"{response.Content.Headers.ContentLength} bytes");
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/reports/campaigns/{id:long}/{format}")]
    public async Task UnitAccountsAndInspectorsAre403_UnknownCampaignOrFormatIs404()
    {
        var id = await Campaign2022Async();
        foreach (var user in new[] { "unit01", "inspector", "enterprise" })
        {
            using var client = await app.ClientFor(user);
            await HttpAssert.Problem(await client.GetAsync($"/api/v1/reports/campaigns/{id}/docx"), HttpStatusCode.Forbidden);
        }
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/reports/campaigns/999999/docx"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/reports/campaigns/{id}/exe"), HttpStatusCode.NotFound);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/reports/campaigns/{id}/docx")).StatusCode);
    }
}
