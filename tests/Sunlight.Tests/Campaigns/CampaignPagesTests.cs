using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;

namespace Sunlight.Tests.Campaigns;

/// <summary>The campaign pages: list, details with figures, start, and a unit answering and submitting its self-inspection in the browser.</summary>
public sealed class CampaignPagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Supervisor_StartsFromTheDetailsPage_Unit20AnswersEveryPointAndSubmits_OtherUnitGets404()
    {
        var c = await CampaignApi.CreateAsync(app, "页面测试", "U20", "U21");
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        Assert.Contains("页面测试", await supervisor.GetHtmlAsync("/Campaigns"), StringComparison.Ordinal);
        var details = $"/Campaigns/Details/{c.Id}";
        var started = await supervisor.PostFormAsync(details, $"/Campaigns/Start/{c.Id}", new() { ["Input.Version"] = c.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("进行中", await supervisor.GetHtmlAsync(details), StringComparison.Ordinal);

        var u20 = await app.UnitId("U20");
        var self = await app.Db(db => db.Set<SelfInspection>().Where(s => s.CampaignId == c.Id && s.UnitId == u20).Select(s => s.Id).SingleAsync());
        var points = CampaignApi.PointIds(c).ToList();
        using var unit = await PageSession.SignInAsync(app, "unit20");
        var page = $"/Campaigns/SelfInspect/{self}";
        Assert.Contains("检查是否事先审批", await unit.GetHtmlAsync(page), StringComparison.Ordinal);
        var fields = new Dictionary<string, string?>();
        for (var i = 0; i < points.Count; i++)
        {
            fields[$"Input.Answers[{i}].PointId"] = points[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Input.Answers[{i}].Verdict"] = i == 0 ? nameof(Verdict.NonCompliant) : nameof(Verdict.Compliant);
            fields[$"Input.Answers[{i}].Explanation"] = i == 0 ? "公示栏未更新" : "";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync(page, page, fields)).StatusCode);
        var answers = await app.Db(db => db.Set<SelfInspectionAnswer>().Where(a => a.SelfInspectionId == self).ToListAsync());
        Assert.Equal(points.Count, answers.Count);
        Assert.Equal("公示栏未更新", answers.Single(a => a.PointId == points[0]).Explanation);

        // A 不符合 without explanation stays on the page with the message beside the field.
        fields["Input.Answers[0].Explanation"] = "";
        var bad = await unit.PostFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("须填写情况说明", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync(page, $"/Campaigns/SubmitSelfInspection/{self}", new())).StatusCode);
        Assert.Equal(SelfInspectionState.Submitted, await app.Db(db => db.Set<SelfInspection>().Where(s => s.Id == self).Select(s => s.State).SingleAsync()));
        Assert.Contains("已提交", await unit.GetHtmlAsync(page), StringComparison.Ordinal);

        using var other = await PageSession.SignInAsync(app, "unit21");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync(page)).StatusCode);
    }
}
