using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Infrastructure.Files;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Platform;

/// <summary>
/// Issue #9, defects 5 and 10 (ADR 0006): a file is stored under the extension of what it really is, OOXML is checked
/// as OOXML, downloads are attachments with nosniff; complaint attachments go only to those who work the complaint;
/// enterprises are edited by the registry owner only.
/// </summary>
public sealed class LeastPrivilegeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(entry).Open());
                w.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    private static bool Accepted(byte[] bytes, string name) => AttachmentStore.Check(new Upload(name, bytes.Length, () => new MemoryStream(bytes))) is null;

    [Fact]
    public void AZipNamedDocx_IsRefused_UnlessItIsARealOoxmlPackage()
    {
        Assert.False(Accepted(Zip("payload.exe", "index.html"), "报告.docx"));
        Assert.False(Accepted(Zip("[Content_Types].xml", "word/document.xml", "word/run.exe"), "报告.docx"));
        Assert.False(Accepted(Zip("[Content_Types].xml", "word/document.xml"), "台账.xlsx"));
        Assert.True(Accepted(Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "报告.docx"));
        Assert.True(Accepted(Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "台账.xlsx"));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/complaints/{id:long}/attachments/{attachmentId:long}")]
    public async Task APdfNamedHtml_IsStoredAsPdf_ServedAsAnAttachment_OnlyToThoseWhoWorkTheComplaint()
    {
        using var anonymous = app.CreateClient();
        var pdf = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"u8.ToArray();
        using var form = new MultipartFormDataContent { { new StringContent("profit-driven"), "category" }, { new StringContent("执法人员收费不开票，附材料。"), "description" }, { new StringContent("true"), "anonymous" } };
        form.Add(new ByteArrayContent(pdf), "attachments", "poly.html");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await anonymous.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);
        var id = await IdOf(app, receipt.TrackingCode);
        var attachment = await app.Db(db => db.Set<ComplaintAttachment>().SingleAsync(a => a.ComplaintId == id));
        Assert.Equal(("poly.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));

        var url = $"/api/v1/complaints/{id}/attachments/{attachment.Id}";
        using var supervisor = await app.ClientFor("supervisor");
        var file = await supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("poly.pdf", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", string.Join("", file.Headers.GetValues("X-Content-Type-Options")));

        foreach (var reader in new[] { "observer", "admin" })
        {
            using var client = await app.ClientFor(reader);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
            await HttpAssert.Problem(await client.GetAsync(url), HttpStatusCode.Forbidden);
        }
        // An Inspector reads only complaints of the units assigned to them; this one has no unit yet.
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/enterprises/{id:long}")]
    [ScopeCovered("POST /api/v1/enterprises")]
    public async Task Enterprises_AreEditedByTheRegistryOwner_NotByAUnitsStaff()
    {
        var e = await app.Db(db => db.Enterprises.AsNoTracking().OrderBy(x => x.Id).FirstAsync());
        var body = new { uscc = e.Uscc, name = e.Name + "（单位改）", address = e.Address, industry = e.Industry, legalRepresentative = e.LegalRepresentative, phone = e.Phone, version = e.Version };
        using var unit = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit.PutJson($"/api/v1/enterprises/{e.Id}", body), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit.PostAsJsonAsync("/api/v1/enterprises", new { uscc = e.Uscc, name = "新企业" }), HttpStatusCode.Forbidden);
        Assert.Equal(e.Name, await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/api/v1/enterprises/{e.Id}")).StatusCode);

        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutJson($"/api/v1/enterprises/{e.Id}", body)).StatusCode);
        Assert.Equal(e.Name + "（单位改）", await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));
    }
}
