using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Tests.Campaigns;

/// <summary>行政执法监督通知书 / 意见书 / 决定书 stored, numbered and readable in scope (Features/Campaigns/IssueDocument).</summary>
public sealed class IssueDocumentTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/inspections/{id:long}/documents")]
    public async Task Issue_StoresTheDocumentNumberedPerKindAndYear_WithTheDeadlineInWorkingDays_Audited_OnlyTheBureauIssues()
    {
        var (_, u12, _) = await FollowUpApi.InspectedAsync(app, "监督文书制发");
        // Numbered per kind within the year, after those already issued (the demo county's).
        Task<int> IssuedAsync(SupervisionDocumentType type) =>
            app.Db(db => db.Set<SupervisionDocument>().CountAsync(x => x.Type == type && x.IssuedOn >= new DateOnly(2026, 1, 1)));
        var (opinions, notices) = (await IssuedAsync(SupervisionDocumentType.Opinion), await IssuedAsync(SupervisionDocumentType.Notice));
        var d = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Opinion, 10));
        var stored = await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().SingleAsync(x => x.Id == d.Id));
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal((SupervisionDocumentType.Opinion, $"县司法监意〔2026〕{opinions + 1}号", await app.UnitId("U12"), u12.Id, today, FollowUpApi.AddWorkingDays(app, today, 10), "supervisor"),
            (stored.Type, stored.Number, stored.UnitId, stored.SupervisoryInspectionId, stored.IssuedOn, stored.ResponseDueOn, stored.IssuedBy));
        Assert.Equal(("现场检查未出示执法证件", "《行政执法监督条例》第二十九条", 10), (stored.Facts, stored.Basis, stored.ResponseWorkingDays));
        Assert.Null(stored.RespondedOn);
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(SupervisionDocument), d.Id, "Create");
        Assert.Equal(("Opinion", $"县司法监意〔2026〕{opinions + 1}号"), (after.GetProperty("Type").GetString(), after.GetProperty("Number").GetString()));

        // The longest deadline and the longest texts pass.
        var second = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Opinion, IssueDocumentInputValidator.MaxWorkingDays,
            new string('事', FollowUpColumns.FactsLength)));
        var notice = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Notice, 1));
        Assert.Equal(($"县司法监意〔2026〕{opinions + 2}号", $"县司法监通〔2026〕{notices + 1}号"), (second.Number, notice.Number));
        Assert.Equal("行政执法监督通知书", notice.TypeText);

        var url = $"/api/v1/campaigns/inspections/{u12.Id}/documents";
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson(url, FollowUpApi.Document()), HttpStatusCode.Forbidden);
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson(url, FollowUpApi.Document()), HttpStatusCode.Forbidden);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/inspections/999999/documents", FollowUpApi.Document()), HttpStatusCode.NotFound);

        var count = await app.Db(db => db.Set<SupervisionDocument>().CountAsync());
        var tooLong = await HttpAssert.Problem(await supervisor.PostJson(url, FollowUpApi.Document(facts: new string('事', FollowUpColumns.FactsLength + 1))), HttpStatusCode.BadRequest);
        Assert.Equal($"事实不能超过 {FollowUpColumns.FactsLength} 个字", tooLong.Error("facts"));
        var noDays = await HttpAssert.Problem(await supervisor.PostJson(url, FollowUpApi.Document(workingDays: 0)), HttpStatusCode.BadRequest);
        Assert.Equal("回复期限应为 1 至 60 个工作日", noDays.Error("responseWorkingDays"));
        await HttpAssert.Problem(await supervisor.PostJson(url, FollowUpApi.Document(workingDays: IssueDocumentInputValidator.MaxWorkingDays + 1)), HttpStatusCode.BadRequest);
        var noBasis = await HttpAssert.Problem(await supervisor.PostJson(url, FollowUpApi.Document() with { Basis = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写依据", noBasis.Error("basis"));
        await HttpAssert.Problem(await supervisor.PostAsync(url, new StringContent("null", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(count, await app.Db(db => db.Set<SupervisionDocument>().CountAsync()));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/documents")]
    [ScopeCovered("GET /api/v1/campaigns/documents/{id:long}")]
    [ScopeCovered("GET /api/v1/campaigns/documents/{id:long}/docx")]
    public async Task Reads_TheUnitSeesItsOwn_TheInspectorThoseOfItsAssignedUnits_TheDocxCarriesTheContents()
    {
        var (c, u12, u13) = await FollowUpApi.InspectedAsync(app, "监督文书查阅");
        var d12 = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Decision, 5));
        var d13 = await FollowUpApi.IssueAsync(app, u13.Id, FollowUpApi.Document(SupervisionDocumentType.Decision, 5));

        using var supervisor = await app.ClientFor("supervisor");
        var all = await HttpAssert.Ok<Page<SupervisionDocumentDto>>(await supervisor.GetAsync($"/api/v1/campaigns/{c.Id}/documents"));
        Assert.Equal([d13.Id, d12.Id], all.Items.Select(x => x.Id));
        Assert.Equal(2, all.Total);
        using var inspector = await app.ClientFor("inspector");
        var assigned = await HttpAssert.Ok<Page<SupervisionDocumentDto>>(await inspector.GetAsync($"/api/v1/campaigns/{c.Id}/documents"));
        Assert.Equal([d12.Id], assigned.Items.Select(x => x.Id));
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/documents/{d13.Id}"), HttpStatusCode.NotFound);
        using var unit12 = await app.ClientFor("unit12");
        Assert.Equal("行政执法监督决定书", (await HttpAssert.Ok<SupervisionDocumentDto>(await unit12.GetAsync($"/api/v1/campaigns/documents/{d12.Id}"))).TypeText);
        await HttpAssert.Problem(await unit12.GetAsync($"/api/v1/campaigns/documents/{d13.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit12.GetAsync($"/api/v1/campaigns/documents/{d13.Id}/docx"), HttpStatusCode.NotFound);
        using var unit13 = await app.ClientFor("unit13");
        Assert.Equal([d13.Id], (await HttpAssert.Ok<Page<SupervisionDocumentDto>>(await unit13.GetAsync($"/api/v1/campaigns/{c.Id}/documents"))).Items.Select(x => x.Id));

        var response = await unit12.GetAsync($"/api/v1/campaigns/documents/{d12.Id}/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficialDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var expected in new[] { "行政执法监督决定书", d12.Number, d12.UnitName, "现场检查未出示执法证件", "《行政执法监督条例》第二十九条", "立即纠正", "5 个工作日内" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
