using System.Net;
using System.Security.Claims;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Reports.Statistics;
using ChinaTime = Sunlight.Web.ChinaTime;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Reports;

/// <summary>
/// 行政执法统计年报: the workbook's totals equal the case register's and the inspection register's counts for the year; the
/// document carries them; the public page lists ended years with counts and downloads and no personal data.
/// </summary>
public sealed class AnnualStatisticsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private int LastYear => ChinaTime.Today(app.Clock).Year - 1;

    private Task<Dictionary<CaseKind, int>> RegisterCountsAsync(int year) => app.Db(db => db.EnforcementCases
        .Where(c => c.FiledOn >= new DateOnly(year, 1, 1) && c.FiledOn <= new DateOnly(year, 12, 31))
        .GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

    private Task<int> InspectionCountAsync(int year) => app.Db(db => db.Set<Inspection>()
        .CountAsync(i => i.VisitDate >= new DateOnly(year, 1, 1) && i.VisitDate <= new DateOnly(year, 12, 31) && i.Type != InspectionType.Visit));

    /// <summary>The sheet's rows as text, header first.</summary>
    private static List<List<string>> Rows(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = doc.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    private static void AssertTotalsEqualRegister(List<List<string>> rows, Dictionary<CaseKind, int> register, int inspections)
    {
        var header = rows[0];
        var total = rows.Single(r => r[0] == "合计");
        foreach (var kind in AnnualStatistics.Kinds)
        {
            Assert.Equal(register.GetValueOrDefault(kind).ToString(System.Globalization.CultureInfo.InvariantCulture), total[header.IndexOf(EnforcementNames.Kind(kind))]);
        }
        Assert.Equal(register.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), total[header.IndexOf("合计")]);
        Assert.Equal(inspections.ToString(System.Globalization.CultureInfo.InvariantCulture), total[header.IndexOf(AnnualStatistics.InspectionsColumn)]);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/reports/statistics/{year:int}/{format}")]
    public async Task Xlsx_TotalsEqualTheRegisterCounts_DocxCarriesThem_UnitAccounts403()
    {
        var year = LastYear;
        var register = await RegisterCountsAsync(year);
        Assert.True(register.Values.Sum() > 0, "the demo register has cases last year");
        Assert.True(register.Count >= 3, "several kinds");
        var inspections = await InspectionCountAsync(year);

        using var supervisor = await app.ClientFor("supervisor");
        var response = await supervisor.GetAsync($"/api/v1/reports/statistics/{year}/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["执法单位", "行政许可", "行政处罚", "行政强制", "行政检查", "行政征收", "行政确认", "其他", "合计", AnnualStatistics.InspectionsColumn], rows[0]);
        Assert.Equal(22 + 2, rows.Count); // header, 22 units, total
        AssertTotalsEqualRegister(rows, register, inspections);

        using var observer = await app.ClientFor("observer");
        var docx = await observer.GetAsync($"/api/v1/reports/statistics/{year}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains($"{year}年度行政执法统计年报", text, StringComparison.Ordinal);
            Assert.Contains($"共登记行政执法行为{register.Values.Sum()}件，其中行政许可{register.GetValueOrDefault(CaseKind.Licensing)}件，行政处罚{register.GetValueOrDefault(CaseKind.Penalty)}件", text, StringComparison.Ordinal);
            Assert.Contains($"登记涉企行政检查{inspections}次", text, StringComparison.Ordinal);
            Assert.Contains($"{year + 1}年1月31日前报送", text, StringComparison.Ordinal);
        }

        foreach (var user in new[] { "unit01", "inspector", "admin" })
        {
            using var client = await app.ClientFor(user);
            await HttpAssert.Problem(await client.GetAsync($"/api/v1/reports/statistics/{year}/xlsx"), HttpStatusCode.Forbidden);
        }
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/reports/statistics/{year + 5}/xlsx"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/reports/statistics/{year}/exe"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublicPage_ListsEndedYearsWithCountsAndDownloads_AndNoPersonalData()
    {
        var year = LastYear;
        var register = await RegisterCountsAsync(year);
        var inspections = await InspectionCountAsync(year);
        var page = PageSession.Anonymous(app);
        var html = await page.GetHtmlAsync("/Disclosure/Statistics");
        Assert.Contains($"data-year=\"{year}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-year=\"{year + 1}\"", html, StringComparison.Ordinal); // this year has not ended
        Assert.Contains($"全县共登记行政执法行为 <strong>{register.Values.Sum()}</strong> 件，涉企行政检查 <strong>{inspections}</strong> 次", html, StringComparison.Ordinal);
        Assert.Contains("县市场监督管理局", html, StringComparison.Ordinal);

        // No party, USCC, case number or officer reaches the public page.
        var (parties, usccs, numbers, officers) = await app.Db(async db => (
            await db.EnforcementCases.Where(c => c.FiledOn >= new DateOnly(year, 1, 1)).Select(c => c.PartyName).Distinct().ToListAsync(),
            await db.EnforcementCases.Where(c => c.PartyUscc != null).Select(c => c.PartyUscc!).Distinct().ToListAsync(),
            await db.EnforcementCases.Select(c => c.Number).Take(50).ToListAsync(),
            await db.Officers.Select(o => o.Name).ToListAsync()));
        Assert.NotEmpty(parties);
        Assert.All(parties.Concat(usccs).Concat(numbers).Concat(officers), s => Assert.DoesNotContain(s, html, StringComparison.Ordinal));

        var file = await page.Client.GetAsync($"/Disclosure/Statistics?handler=File&year={year}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        AssertTotalsEqualRegister(Rows(await file.Content.ReadAsByteArrayAsync()), register, inspections);
        var docx = await page.Client.GetAsync($"/Disclosure/Statistics?handler=File&year={year}&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Client.GetAsync($"/Disclosure/Statistics?handler=File&year={year + 1}&format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task WorkHome_SupervisorIsAskedToCompileLastYearInJanuaryOnly()
    {
        static ClaimsPrincipal As(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var january = new FakeTimeProvider(new DateTimeOffset(2027, 1, 10, 2, 0, 0, TimeSpan.Zero));
        var item = Assert.Single(await new StatisticsWorkItems(authorization, january).ItemsAsync(As(Roles.Supervisor), default));
        Assert.Equal(new DateOnly(2027, 1, 31), item.Due);
        Assert.Contains("2026 年度行政执法统计年报", item.Subject, StringComparison.Ordinal);
        Assert.Empty(await new StatisticsWorkItems(authorization, january).ItemsAsync(As(Roles.UnitStaff), default));
        Assert.Empty(await new StatisticsWorkItems(authorization, new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 2, 0, 0, TimeSpan.Zero))).ItemsAsync(As(Roles.Supervisor), default));
    }
}
