using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Features.Campaigns.RespondDocument;

namespace Sunlight.Tests.Campaigns;

/// <summary>The unit answers a supervision document in writing, with attachments, once; the Supervisor reads it (Features/Campaigns/RespondDocument).</summary>
public sealed class RespondDocumentTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/documents/{id:long}/response")]
    [ScopeCovered("GET /api/v1/campaigns/documents/{id:long}/files/{fileId:long}")]
    public async Task TheUnitSeesItInItsWorkHome_AnswersOnceWithAFile_TheSupervisorReadsTheAnswer()
    {
        var (_, u12, u13) = await FollowUpApi.InspectedAsync(app, "监督文书回复");
        var d = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Opinion, 10));
        var other = await FollowUpApi.IssueAsync(app, u13.Id, FollowUpApi.Document(SupervisionDocumentType.Opinion, 10));
        using (var home = await app.LoginWithCookieAsync("unit12"))
        {
            var html = await home.GetStringAsync("/");
            Assert.Contains($"/Campaigns/Documents/{d.Id}", html, StringComparison.Ordinal);
            Assert.Contains("书面回复监督文书", html, StringComparison.Ordinal);
            Assert.Contains("剩余 10 个工作日", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/Campaigns/Documents/{other.Id}", html, StringComparison.Ordinal);
        }

        var url = $"/api/v1/campaigns/documents/{d.Id}/response";
        using var unit = await app.ClientFor("unit12");
        var tooLong = await HttpAssert.Problem(await unit.PostAsync(url, FollowUpApi.Response(new string('复', FollowUpColumns.ResponseLength + 1))), HttpStatusCode.BadRequest);
        Assert.Equal($"书面回复不能超过 {FollowUpColumns.ResponseLength} 个字", tooLong.Error("response"));
        await HttpAssert.Problem(await unit.PostAsync(url, FollowUpApi.Response("已整改", ("virus.exe", [0x4D, 0x5A, 0, 0]))), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await unit.PostJson(url, new { response = "不是表单" }), HttpStatusCode.BadRequest);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostAsync(url, FollowUpApi.Response("代为回复")), HttpStatusCode.Forbidden);
        using var unit13 = await app.ClientFor("unit13");
        await HttpAssert.Problem(await unit13.PostAsync(url, FollowUpApi.Response("他人回复")), HttpStatusCode.NotFound);
        Assert.Null((await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().SingleAsync(x => x.Id == d.Id))).RespondedOn);

        var text = new string('复', FollowUpColumns.ResponseLength - 10) + "已组织执法人员培训。";
        var answered = await HttpAssert.Ok<SupervisionDocumentDto>(await unit.PostAsync(url, FollowUpApi.Response(text, ("培训签到表.png", ProblemApi.Png))));
        Assert.Equal((text, new DateOnly(2026, 11, 25), "unit12", false), (answered.Response, answered.RespondedOn!.Value, answered.RespondedBy, answered.RespondedLate));
        var stored = await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().Include(x => x.ResponseFiles).ThenInclude(f => f.File).SingleAsync(x => x.Id == d.Id));
        Assert.Equal((text, false), (stored.Response, stored.RespondedLate));
        Assert.Equal("培训签到表.png", Assert.Single(stored.ResponseFiles).File!.FileName);
        var (_, before, after) = await CampaignApi.AuditAsync(app, nameof(SupervisionDocument), d.Id, "Update");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("Response").ValueKind);
        Assert.Equal(("2026-11-25", text), (after.GetProperty("RespondedOn").GetString(), after.GetProperty("Response").GetString()));

        var twice = await HttpAssert.Problem(await unit.PostAsync(url, FollowUpApi.Response("再次回复")), HttpStatusCode.Conflict);
        Assert.Equal(RespondToDocument.Rule, twice.GetProperty("rule").GetString());
        Assert.Equal(text, (await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().SingleAsync(x => x.Id == d.Id))).Response);

        var seen = await HttpAssert.Ok<SupervisionDocumentDto>(await supervisor.GetAsync($"/api/v1/campaigns/documents/{d.Id}"));
        var file = Assert.Single(seen.Files);
        Assert.Equal(text, seen.Response);
        Assert.Equal(ProblemApi.Png, await supervisor.GetByteArrayAsync($"/api/v1/campaigns/documents/{d.Id}/files/{file.Id}"));
        await HttpAssert.Problem(await unit13.GetAsync($"/api/v1/campaigns/documents/{d.Id}/files/{file.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/campaigns/documents/{other.Id}/files/{file.Id}"), HttpStatusCode.NotFound);
        using var after12 = await app.LoginWithCookieAsync("unit12");
        Assert.DoesNotContain($"/Campaigns/Documents/{d.Id}", await after12.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
