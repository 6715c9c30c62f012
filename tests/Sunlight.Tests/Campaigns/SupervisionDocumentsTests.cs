using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Tests.Campaigns;

/// <summary>督查通知书 and 整改通知书 as .docx (OfficialDocument): the unit, the facts, the correction required, the deadline.</summary>
public sealed class SupervisionDocumentsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficialDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns/inspections/{id:long}/documents/{kind}")]
    public async Task NoticeListsTheDifferingPoints_RectificationListsTheFindings_BothWithTheResponseDeadline()
    {
        var c = await CampaignApi.RunningAsync(app, "督查文书", "U17");
        var u17 = await app.UnitId("U17");
        var points = CampaignApi.PointIds(c).ToList();
        using var supervisor = await app.ClientFor("supervisor");
        var member = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team", new TeamMemberInput("王特邀", MemberKind.SpecialSupervisor, "inspector")), HttpStatusCode.Created);
        var inspection = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections", new AssignInspectionInput(u17, [member.Id])));
        using (var unit = await app.ClientFor("unit17"))
        {
            await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{CampaignApi.SelfInspectionOf(c, u17)}/answers",
                new AnswerSelfInspectionInput([new AnswerInput(points[0], Verdict.Compliant, "已公示")])));
        }
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Ok<InspectionDto>(await inspector.PutJson($"/api/v1/campaigns/inspections/{inspection.Id}/assessments",
            new AssessInput([new AssessmentInput(points[0], Verdict.NonCompliant, "公示栏三个月未更新")])));
        await HttpAssert.Ok<CampaignProblemDto>(await inspector.PostJson($"/api/v1/campaigns/inspections/{inspection.Id}/findings",
            new CampaignProblemInput("执法程序", "督查发现：现场检查未出示执法证件")), HttpStatusCode.Created);

        var unitName = c.Units.Single(u => u.Id == u17).Name;
        var notice = await TextAsync(await inspector.GetAsync($"/api/v1/campaigns/inspections/{inspection.Id}/documents/Notice"));
        foreach (var text in new[] { "行政执法监督通知书", unitName, "督查文书", "事前公示是否完整准确", "符合", "不符合：公示栏三个月未更新", "整改要求", "15 个工作日内" })
        {
            Assert.Contains(text, notice, StringComparison.Ordinal);
        }
        var rectification = await TextAsync(await supervisor.GetAsync($"/api/v1/campaigns/inspections/{inspection.Id}/documents/Rectification"));
        foreach (var text in new[] { "行政执法监督整改通知书", unitName, "督查发现：现场检查未出示执法证件", "执法程序", "15 个工作日内" })
        {
            Assert.Contains(text, rectification, StringComparison.Ordinal);
        }
        Assert.Matches(@"于 \d{4}年\d{1,2}月\d{1,2}日 前", rectification);

        using var unit17 = await app.ClientFor("unit17");
        await HttpAssert.Problem(await unit17.GetAsync($"/api/v1/campaigns/inspections/{inspection.Id}/documents/Notice"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/campaigns/inspections/999999/documents/Notice"), HttpStatusCode.NotFound);
    }
}
