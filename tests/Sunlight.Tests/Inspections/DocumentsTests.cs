using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>行政检查审批表, 检查通知书, 现场检查笔录 as .docx from the inspection's data (Features/Inspections/Documents).</summary>
public sealed class DocumentsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static async Task<(string Body, string Footer)> OpenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return (doc.MainDocumentPart!.Document!.Body!.InnerText, string.Concat(doc.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText)));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspections/{id:long}/documents/{kind}")]
    public async Task ThreeDocuments_CarryTheInspectionsFields_AndItsCodeInTheFooter_OtherUnitNotFound()
    {
        var enterpriseId = await QuietEnterpriseId(app, 5);
        var registered = await RegisterAsync(app, "unit03", enterpriseId, Today(app).AddDays(3), type: "CaseDriven");
        using var unit03 = await app.ClientFor("unit03");

        var (draft, draftFooter) = await OpenAsync(await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/documents/approval"));
        Assert.Contains("行政检查审批表", draft);
        Assert.Contains("未审批，尚未赋码", draftFooter);

        var approved = await ApproveAsync(app, "unit03", registered.Id);
        var enterprise = await app.Db(db => db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == enterpriseId));
        var officer = approved.Officers[0];
        var item = approved.Items[0];
        var date = approved.VisitDate.ToString("yyyy年M月d日");
        foreach (var (kind, title) in new[] { ("approval", "行政检查审批表"), ("notice", "检查通知书"), ("record", "现场检查笔录") })
        {
            var (body, footer) = await OpenAsync(await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/documents/{kind}"));
            Assert.Contains(title, body);
            Assert.Contains(enterprise.Name, body);
            Assert.Contains(approved.UnitName, body);
            Assert.Contains(item.Name, body);
            Assert.Contains(item.LegalBasis, body);
            Assert.Contains(officer.Name, body);
            Assert.Contains(officer.CredentialNumber!, body);
            Assert.Contains(date, body);
            Assert.Equal($"检查码：{approved.Code}", footer);
            if (kind != "notice")
            {
                Assert.Contains(enterprise.Uscc, body);
            }
        }
        var (approval, _) = await OpenAsync(await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/documents/approval"));
        Assert.Contains("审批人：王局长", approval);
        Assert.Contains("群众投诉举报转办", approval);

        await HttpAssert.Problem(await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/documents/other"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit03.GetAsync($"/api/v1/inspections/{registered.Id}/documents/1"), HttpStatusCode.NotFound);
        using var unit05 = await app.ClientFor("unit05");
        await HttpAssert.Problem(await unit05.GetAsync($"/api/v1/inspections/{registered.Id}/documents/notice"), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/inspections/{registered.Id}/documents/record")).StatusCode);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/inspections/{registered.Id}/documents/record")).StatusCode);
    }
}
