using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Tests.Campaigns;

/// <summary>Steps the follow-up tests share: inspections to send documents after, documents, written-off campaign problems.</summary>
internal static class FollowUpApi
{
    /// <summary>A running campaign for U12 and U13; the demo inspector is on the team and assigned to U12 only.</summary>
    public static async Task<(CampaignDto Campaign, InspectionDto U12, InspectionDto U13)> InspectedAsync(SunlightFactory app, string name)
    {
        var c = await CampaignApi.RunningAsync(app, name, "U12", "U13");
        using var supervisor = await app.ClientFor("supervisor");
        var inspector = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team",
            new TeamMemberInput("王特邀", MemberKind.SpecialSupervisor, "inspector")), HttpStatusCode.Created);
        var deputy = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/team",
            new TeamMemberInput("李代表", MemberKind.Deputy)), HttpStatusCode.Created);
        var u12 = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections",
            new AssignInspectionInput(await app.UnitId("U12"), [inspector.Id])));
        var u13 = await HttpAssert.Ok<InspectionDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/inspections",
            new AssignInspectionInput(await app.UnitId("U13"), [deputy.Id])));
        return (c, u12, u13);
    }

    public static IssueDocumentInput Document(SupervisionDocumentType type = SupervisionDocumentType.Opinion, int workingDays = 10, string facts = "现场检查未出示执法证件") =>
        new(type, facts, "《行政执法监督条例》第二十九条", "立即纠正，组织执法人员学习执法程序规定", workingDays);

    public static async Task<SupervisionDocumentDto> IssueAsync(SunlightFactory app, long inspectionId, IssueDocumentInput input)
    {
        using var supervisor = await app.ClientFor("supervisor");
        return await HttpAssert.Ok<SupervisionDocumentDto>(await supervisor.PostJson($"/api/v1/campaigns/inspections/{inspectionId}/documents", input), HttpStatusCode.Created);
    }

    /// <summary>The response form: text, optionally a version, and files.</summary>
    public static MultipartFormDataContent Response(string text, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "response" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }

    public static DateOnly AddWorkingDays(SunlightFactory app, DateOnly from, int days)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WorkingCalendar>().AddWorkingDays(from, days).Date;
    }

    /// <summary>A problem the unit found in its self-inspection of the campaign, rectified and written off (已销账).</summary>
    public static async Task<long> WrittenOffCampaignProblemAsync(SunlightFactory app, CampaignDto c, string unitCode, string description)
    {
        var self = CampaignApi.SelfInspectionOf(c, await app.UnitId(unitCode));
        using var unit = await app.ClientFor(ProblemApi.UserOf(unitCode));
        var raised = await HttpAssert.Ok<CampaignProblemDto>(await unit.PostJson($"/api/v1/campaigns/self-inspections/{self}/problems",
            new CampaignProblemInput("执法程序", description)), HttpStatusCode.Created);
        await ProblemApi.Post(unit, $"/api/v1/problems/{raised.Id}/measures",
            new ProposeMeasuresInput("修订执法程序", new DateOnly(2026, 12, 10), (await app.Stored(raised.Id)).Version));
        await ProblemApi.Post(unit, $"/api/v1/problems/{raised.Id}/submit", new SubmitInput("已完成", (await app.Stored(raised.Id)).Version));
        using var supervisor = await app.ClientFor("supervisor");
        await ProblemApi.Post(supervisor, $"/api/v1/problems/{raised.Id}/verify", new VerifyInput(true, null, (await app.Stored(raised.Id)).Version));
        return raised.Id;
    }
}
