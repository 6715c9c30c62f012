using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Categories;
using Sunlight.Web.Features.Complaints.IntakePoints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Registry;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

public sealed class ComplaintScopeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/complaints")]
    public async Task List_UnitStaffSeeOnlyComplaintsAssignedToTheirUnit_OthersByRole()
    {
        var (mine, _) = await FiledAndAssignedAsync(app, "unit12");
        var (theirs, _) = await FiledAndAssignedAsync(app, "unit13");
        var unassigned = await IdOf(app, (await FileAsync(app, Submission(unitId: await UnitId(app, "unit12")))).TrackingCode);

        using var unit12 = await app.ClientFor("unit12");
        var page = await HttpAssert.Ok<Page<ComplaintListItem>>(await unit12.GetAsync("/api/v1/complaints?limit=200"));
        Assert.Contains(page.Items, i => i.Id == mine);
        Assert.DoesNotContain(page.Items, i => i.Id == theirs);
        Assert.DoesNotContain(page.Items, i => i.Id == unassigned); // complained about, but not assigned: the unit is not told
        var unit12Id = await UnitId(app, "unit12");
        var assignedToUnit = await app.Db(db => db.Set<Complaint>().CountAsync(c => c.AssignedUnitId == unit12Id));
        Assert.Equal(assignedToUnit, page.Items.Count);

        using var supervisor = await app.ClientFor("supervisor");
        var all = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync("/api/v1/complaints?state=Received&limit=200"));
        Assert.Contains(all.Items, i => i.Id == unassigned);
        Assert.All(all.Items, i => Assert.Equal(ComplaintState.Received, i.State));
        var channel = await HttpAssert.Ok<Page<ComplaintListItem>>(await supervisor.GetAsync("/api/v1/complaints?channel=Phone&limit=200"));
        Assert.All(channel.Items, i => Assert.Equal(ComplaintChannel.Phone, i.Channel));

        using var observer = await app.ClientFor("observer");
        Assert.NotEmpty((await HttpAssert.Ok<Page<ComplaintListItem>>(await observer.GetAsync("/api/v1/complaints"))).Items);
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/complaints"), HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await HttpAssert.Problem(await anonymous.GetAsync("/api/v1/complaints"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/complaints/{id:long}/reporter")]
    public async Task Reporter_OnlySupervisors_AndEveryViewingIsAudited()
    {
        var (id, _) = await FiledAndAssignedAsync(app, "unit14");
        foreach (var user in new[] { "unit14", "unit15", "inspector", "observer", "admin" })
        {
            using var client = await app.ClientFor(user);
            var response = await client.GetAsync($"/api/v1/complaints/{id}/reporter");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
            Assert.DoesNotContain(SecretName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "ViewIdentity" && a.EntityId == id.ToString())));

        using var supervisor = await app.ClientFor("supervisor");
        var reporter = await HttpAssert.Ok<ReporterDtoBody>(await supervisor.GetAsync($"/api/v1/complaints/{id}/reporter"));
        Assert.Equal(SecretName, reporter.Name);
        Assert.Equal(SecretPhone, reporter.Phone);
        Assert.Equal(SecretEmail, reporter.Email);
        var audit = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Action == "ViewIdentity" && a.EntityId == id.ToString()));
        Assert.Equal("supervisor", audit.Actor);
        Assert.Equal(nameof(Complaint), audit.EntityType);
        Assert.DoesNotContain(SecretName, audit.After!, StringComparison.Ordinal);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/complaints/999999/reporter"), HttpStatusCode.NotFound);
    }

    private sealed record ReporterDtoBody(long ComplaintId, bool Anonymous, string? Name, string? Phone, string? Email);

    [Fact]
    [ScopeCovered("GET /api/v1/complaints/{id:long}/attachments/{attachmentId:long}")]
    public async Task Attachment_DownloadedWithinScopeOnly()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("rough"), "category" }, { new StringContent("执法人员推搡店员。"), "description" } };
        form.Add(new ByteArrayContent(Png), "attachments", "推搡.png");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);
        var id = await IdOf(app, receipt.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, "unit16") });
        var attachmentId = await app.Db(db => db.Set<ComplaintAttachment>().Where(a => a.ComplaintId == id).Select(a => a.Id).SingleAsync());

        using var unit16 = await app.ClientFor("unit16");
        var file = await unit16.GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        using var unit17 = await app.ClientFor("unit17");
        await HttpAssert.Problem(await unit17.GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/complaints")]
    public async Task StaffEntry_RecordsTheChannel_OnlySupervisors()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var input = new { channel = "Hotline12345", category = "inaction", description = "12345 转办：群众反映举报后无人处理。", anonymous = false, reporterName = SecretName, reporterPhone = SecretPhone, place = "12345 工单 2026-1125-001" };
        var receipt = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostJson("/api/v1/complaints", input), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == receipt.TrackingCode));
        Assert.Equal(ComplaintChannel.Hotline12345, stored.Channel);
        Assert.Equal("12345 工单 2026-1125-001", stored.IntakePlace);
        Assert.False(stored.IsAnonymous);
        Assert.Equal("supervisor", await app.Db(db => db.AuditEntries.Where(a => a.EntityType == nameof(Complaint) && a.EntityId == stored.Id.ToString() && a.Action == "Create").Select(a => a.Actor).SingleAsync()));

        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaints", input with { channel = "WebForm" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("channel", out _));
        using var unit = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit.PostJson("/api/v1/complaints", input), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/complaints/eml")]
    public async Task Eml_BecomesAnEmailComplaint_WithSenderKeptSecret()
    {
        const string eml = "From: =?UTF-8?B?5byg5LiJ5Liw?= <whistle.blower@example.cn>\r\nTo: tousu@qinghe.example.gov.cn\r\nSubject: =?UTF-8?B?5oqV6K+J5Lmx5pS26LS5?=\r\nDate: Tue, 24 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n城管执法人员收取摊位费不开票据。\r\n";
        using var supervisor = await app.ClientFor("supervisor");
        using var form = new MultipartFormDataContent { { new StringContent("illegal-fees"), "category" } };
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(eml)) { Headers = { ContentType = new MediaTypeHeaderValue("message/rfc822") } }, "eml", "tousu.eml");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostAsync("/api/v1/complaints/eml", form), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == receipt.TrackingCode));
        Assert.Equal(ComplaintChannel.Email, stored.Channel);
        Assert.Contains("投诉乱收费", stored.Description);
        Assert.Contains("收取摊位费不开票据", stored.Description);
        Assert.False(stored.IsAnonymous);
        Assert.DoesNotContain("whistle.blower", stored.ReporterProtected!, StringComparison.Ordinal);

        using var unit = await app.ClientFor("unit02");
        using var form2 = new MultipartFormDataContent();
        form2.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(eml)), "eml", "tousu.eml");
        await HttpAssert.Problem(await unit.PostAsync("/api/v1/complaints/eml", form2), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/complaints/intake-points")]
    [ScopeCovered("POST /api/v1/complaints/intake-points")]
    [ScopeCovered("PUT /api/v1/complaints/intake-points/{id:long}")]
    [ScopeCovered("GET /api/v1/complaints/intake-points/{id:long}/qr.png")]
    public async Task IntakePoints_SupervisorsOnly_QrOpensTheForm_AndAComplaintRecordsThePlace()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var point = await HttpAssert.Ok<IntakePointDto>(await supervisor.PostJson("/api/v1/complaints/intake-points", new { kind = "VillageBoard", name = "东坑村村务公开栏", place = "东坑村村委会门口" }), HttpStatusCode.Created);
        Assert.EndsWith($"/Public/Complaints/New?point={point.Code}", point.Url);
        var png = await supervisor.GetAsync($"/api/v1/complaints/intake-points/{point.Id}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png.Take(8), (await png.Content.ReadAsByteArrayAsync()).Take(8));
        var list = await HttpAssert.Ok<List<IntakePointDto>>(await supervisor.GetAsync("/api/v1/complaints/intake-points"));
        Assert.Contains(list, p => p.Id == point.Id);

        var receipt = await FileAsync(app, Submission(intakePoint: point.Code, anonymous: true));
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == receipt.TrackingCode));
        Assert.Equal(ComplaintChannel.IntakePoint, stored.Channel);
        Assert.Equal(point.Id, stored.IntakePointId);
        Assert.Equal("东坑村村务公开栏（东坑村村委会门口）", stored.IntakePlace);

        var updated = await HttpAssert.Ok<IntakePointDto>(await supervisor.PutJson($"/api/v1/complaints/intake-points/{point.Id}", new { kind = "VillageBoard", name = "东坑村村务公开栏", place = "东坑村村委会门口", isActive = false, version = point.Version }));
        Assert.False(updated.IsActive);
        using var anonymous = app.CreateClient();
        var gone = await HttpAssert.Problem(await anonymous.PostJson("/api/v1/public/complaints", Submission(intakePoint: point.Code)), HttpStatusCode.BadRequest);
        Assert.True(gone.GetProperty("errors").TryGetProperty("intakePoint", out _));

        foreach (var user in new[] { "unit01", "inspector" })
        {
            using var client = await app.ClientFor(user);
            await HttpAssert.Problem(await client.GetAsync("/api/v1/complaints/intake-points"), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await client.GetAsync($"/api/v1/complaints/intake-points/{point.Id}/qr.png"), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await client.PostJson("/api/v1/complaints/intake-points", new { kind = "Website", name = "x", place = "y" }), HttpStatusCode.Forbidden);
            await HttpAssert.Problem(await client.PutJson($"/api/v1/complaints/intake-points/{point.Id}", new { kind = "Website", name = "x", place = "y" }), HttpStatusCode.Forbidden);
        }
        await HttpAssert.Problem(await supervisor.PutJson("/api/v1/complaints/intake-points/999999", new { kind = "Website", name = "x", place = "y" }), HttpStatusCode.NotFound);
        Assert.Equal("东坑村村务公开栏", await app.Db(db => db.Set<IntakePoint>().Where(p => p.Id == point.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/complaint-categories")]
    [ScopeCovered("POST /api/v1/complaint-categories")]
    [ScopeCovered("PUT /api/v1/complaint-categories/{id:long}")]
    public async Task Categories_PublicToRead_SupervisorsAndAdminsEdit()
    {
        using var anonymous = app.CreateClient();
        var list = await HttpAssert.Ok<List<CategoryDto>>(await anonymous.GetAsync("/api/v1/complaint-categories"));
        Assert.Equal(16, list.Count);
        Assert.Equal(["趋利性执法", "选择性执法", "多头检查", "随意检查"], list.Take(4).Select(c => c.Name));

        using var admin = await app.ClientFor("admin");
        var created = await HttpAssert.Ok<CategoryDto>(await admin.PostJson("/api/v1/complaint-categories", new { code = "data-abuse", name = "滥用企业数据", sortOrder = 155 }), HttpStatusCode.Created);
        Assert.Equal(17, created.Id);
        using var supervisor = await app.ClientFor("supervisor");
        var renamed = await HttpAssert.Ok<CategoryDto>(await supervisor.PutJson($"/api/v1/complaint-categories/{created.Id}", new { code = "data-abuse", name = "违规使用企业数据", sortOrder = 155, isActive = true }));
        Assert.Equal("违规使用企业数据", renamed.Name);
        Assert.Equal("违规使用企业数据", await app.Db(db => db.Set<ComplaintCategory>().Where(c => c.Id == created.Id).Select(c => c.Name).SingleAsync()));
        await FileAsync(app, Submission(category: "data-abuse"));

        using var unit = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit.PostJson("/api/v1/complaint-categories", new { code = "x", name = "x", sortOrder = 1 }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit.PutJson($"/api/v1/complaint-categories/{created.Id}", new { code = "x", name = "x", sortOrder = 1 }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await anonymous.PostJson("/api/v1/complaint-categories", new { code = "x", name = "x", sortOrder = 1 }), HttpStatusCode.Unauthorized);
    }
}
