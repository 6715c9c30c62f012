using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>The follow-up steps in the browser: issuing and answering a supervision document, turning a visit into a problem, 回头看.</summary>
public sealed class FollowUpPagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheSupervisorIssuesADocument_TheUnitAnswersItWithAFile_TheListShowsTheAnswer()
    {
        var (c, u12, _) = await FollowUpApi.InspectedAsync(app, "页面监督文书");
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var page = $"/Campaigns/IssueDocument/{u12.Id}";
        Assert.Contains("行政执法监督意见书", await supervisor.GetHtmlAsync(page), StringComparison.Ordinal);
        var fields = new Dictionary<string, string?>
        {
            ["Input.Type"] = "Opinion", ["Input.Facts"] = "页面填写的事实", ["Input.Basis"] = "《行政执法监督条例》", ["Input.CorrectionRequired"] = "限期纠正",
            ["Input.ResponseWorkingDays"] = "10",
        };
        var bad = await supervisor.PostFormAsync(page, page, new Dictionary<string, string?>(fields) { ["Input.Facts"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写事实", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var issued = await supervisor.PostFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var d = await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().SingleAsync(x => x.Facts == "页面填写的事实"));
        Assert.EndsWith($"/Campaigns/Documents/{d.Id}", issued.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var unit = await PageSession.SignInAsync(app, "unit12");
        var docPage = $"/Campaigns/Documents/{d.Id}";
        Assert.Contains("respond-form", await unit.GetHtmlAsync(docPage), StringComparison.Ordinal);
        var png = new ByteArrayContent(ProblemApi.Png);
        png.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent("已按要求纠正"), "Input.Response" }, { new StringContent(d.Version.ToString()), "Input.Version" }, { png, "Input.Files", "整改报告.png" },
        };
        var answered = await unit.PostMultipartAsync(docPage, $"/Campaigns/RespondDocument/{d.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var stored = await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().Include(x => x.ResponseFiles).SingleAsync(x => x.Id == d.Id));
        Assert.Equal(("已按要求纠正", 1), (stored.Response, stored.ResponseFiles.Count));

        var list = await supervisor.GetHtmlAsync($"/Campaigns/DocumentList/{c.Id}");
        Assert.Contains("共 1 条", list, StringComparison.Ordinal);
        Assert.Contains(d.Number, list, StringComparison.Ordinal);
        Assert.Contains("已按要求纠正", await supervisor.GetHtmlAsync(docPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitBecomesAProblem_AndAWrittenOffProblemIsRecheckedAndRecurs()
    {
        var (c, _, _) = await FollowUpApi.InspectedAsync(app, "页面走访与回头看");
        var enterprise = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        using (var api = await app.ClientFor("inspector"))
        {
            await HttpAssert.Ok<EnterpriseVisitDto>(await api.PostJson($"/api/v1/campaigns/{c.Id}/enterprise-visits",
                new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), false, true, false, false, false, "一个月内被检查四次", await app.UnitId("U12"))), HttpStatusCode.Created);
        }
        var visit = await app.Db(db => db.Set<EnterpriseVisit>().AsNoTracking().SingleAsync(v => v.CampaignId == c.Id));
        using var inspector = await PageSession.SignInAsync(app, "inspector");
        var visits = $"/Campaigns/EnterpriseVisits/{c.Id}";
        Assert.Contains("随意检查", await inspector.GetHtmlAsync(visits), StringComparison.Ordinal);
        var converted = await inspector.PostFormAsync(visits, $"/Campaigns/ConvertVisit/{visit.Id}", new() { ["Input.Into"] = "Problem", ["Input.Category"] = "执法程序" });
        Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        var problemId = (await app.Db(db => db.Set<EnterpriseVisit>().AsNoTracking().SingleAsync(v => v.Id == visit.Id))).ProblemId!.Value;
        Assert.Equal(ProblemSource.EnterpriseVisit, (await app.Stored(problemId)).Source);
        Assert.Contains("已转为问题", await inspector.GetHtmlAsync(visits), StringComparison.Ordinal);

        var problem = await FollowUpApi.WrittenOffCampaignProblemAsync(app, c, "U12", "页面回头看的问题");
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var rechecks = $"/Campaigns/Rechecks/{c.Id}";
        Assert.Contains("页面回头看的问题", await supervisor.GetHtmlAsync(rechecks), StringComparison.Ordinal);
        var tooLate = await supervisor.PostFormAsync(rechecks, rechecks, new() { ["Input.ProblemId"] = Id(problem), ["Input.AfterMonths"] = "99" });
        Assert.Equal(HttpStatusCode.OK, tooLate.StatusCode);
        Assert.Contains("回头看应安排在 1 至 36 个月后", await tooLate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var scheduled = await supervisor.PostFormAsync(rechecks, rechecks, new() { ["Input.ProblemId"] = Id(problem), ["Input.AfterMonths"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var r = await app.Db(db => db.Set<ProblemRecheck>().AsNoTracking().SingleAsync(x => x.ProblemId == problem));
        var record = $"/Campaigns/Recheck/{r.Id}";
        var recurred = await supervisor.PostFormAsync(record, record, new() { ["Input.Result"] = "Recurred", ["Input.Notes"] = "复查发现又出现同样问题", ["Input.Version"] = r.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, recurred.StatusCode);
        Assert.Equal(ProblemState.Raised, (await app.Stored(problem)).State);
        Assert.Contains("问题复发", await supervisor.GetHtmlAsync(record), StringComparison.Ordinal);
    }
}
