using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using static Sunlight.Tests.Problems.ProblemApi;

namespace Sunlight.Tests.Problems;

/// <summary>The pages render for the roles that may open them and refuse the others (the loop itself is a browser test).</summary>
public sealed class ProblemPagesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Theory]
    [InlineData("/Problems")]
    [InlineData("/Problems?Overdue=true")]
    [InlineData("/Problems/Raise")]
    [InlineData("/Problems/Reconcile")]
    [InlineData("/Problems/Import")]
    [InlineData("/Problems/Categories")]
    [InlineData("/Escalations")]
    public async Task Supervisor_OpensEveryLedgerPage(string url)
    {
        using var client = await app.LoginWithCookieAsync("supervisor");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("阳光执法监督平台", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitStaff_SeesOwnTasks_AnotherUnitsProblemIs404_BureauPagesRefused()
    {
        using var client = await app.LoginWithCookieAsync("unit03");
        var html = await client.GetStringAsync("/Problems");
        Assert.Contains("我的待办", html, StringComparison.Ordinal);
        var foreign = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code != "U03").Select(p => p.Number).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Problems/Details?no={foreign}")).StatusCode);
        var own = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code == "U03").Select(p => p.Number).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Problems/Details?no={own}")).StatusCode);
        foreach (var url in new[] { "/Problems/Import", "/Problems/Categories" })
        {
            var response = await client.GetAsync(url);
            await HttpAssert.ErrorPage(response, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Observer_SeesEscalationPage_WithoutTheRecordForm()
    {
        using var client = await app.LoginWithCookieAsync("observer");
        var html = await client.GetStringAsync("/Escalations");
        Assert.DoesNotContain("对执法单位记录约谈", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Problems/Reconcile")).StatusCode);
    }

    [Fact]
    public async Task ProblemPage_EmbedsTheStepForms_ThatPostToTheStepsOwnPages()
    {
        var p = await app.RaiseAsync("U03");
        using var unit = await PageSession.SignInAsync(app, "unit03");
        var html = await unit.GetHtmlAsync($"/Problems/Details?id={p.Id}");
        Assert.Contains($"action=\"/Problems/Measures/{p.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/Problems/Dispute/{p.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Problems/Verify/{p.Id}", html, StringComparison.Ordinal);
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var bureau = await supervisor.GetHtmlAsync($"/Problems/Details?id={p.Id}");
        Assert.Contains($"action=\"/Problems/Escalate/{p.Id}\"", bureau, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Problems/Measures/{p.Id}", bureau, StringComparison.Ordinal);
        var refused = await supervisor.Client.GetAsync($"/Problems/Measures/{p.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var other = await PageSession.SignInAsync(app, "unit04");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/Problems/Measures/{p.Id}")).StatusCode);
    }

    [Fact]
    public async Task MeasuresPage_TooLong_ShowsTheErrorAndKeepsTheText_ThenValid_RedirectsToTheProblem()
    {
        var p = await app.RaiseAsync("U03");
        using var unit = await PageSession.SignInAsync(app, "unit03");
        var page = $"/Problems/Measures/{p.Id}";
        var tooLong = new string('措', ProblemConfiguration.MeasuresLength) + "尾";
        var response = await unit.PostFormAsync(page, page, new() { ["Input.Measures"] = tooLong, ["Input.Version"] = p.Version.ToString() });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"整改措施不能超过 {ProblemConfiguration.MeasuresLength} 个字", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);
        Assert.Equal(ProblemState.Raised, (await app.Stored(p.Id)).State);

        response = await unit.PostFormAsync(page, page, new() { ["Input.Measures"] = "页面提交的措施", ["Input.Version"] = p.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Problems/Details", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var stored = await app.Stored(p.Id);
        Assert.Equal((ProblemState.Rectifying, "页面提交的措施"), (stored.State, stored.Measures));
    }

    [Fact]
    public async Task ProgressPage_Multipart_StoresTheEvidence_RulingPage_RefusedStateShowsTheRule()
    {
        var p = await app.RectifyingAsync("U03");
        using var unit = await PageSession.SignInAsync(app, "unit03");
        var page = $"/Problems/Progress/{p.Id}";
        var content = new MultipartFormDataContent { { new StringContent("页面报送进展"), "Input.Note" }, { new StringContent(p.Version.ToString()), "Input.Version" } };
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Input.Files", "照片.png");
        var response = await unit.PostMultipartAsync(page, page, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("页面报送进展", (await app.Stored(p.Id)).LatestProgress);
        Assert.Equal(1, await app.Db(db => db.Set<ProblemProgress>().Where(x => x.ProblemId == p.Id).SelectMany(x => x.Evidence).CountAsync()));

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var ruling = $"/Problems/Ruling/{p.Id}";
        var refused = await supervisor.PostFormAsync(ruling, ruling, new() { ["Input.Upheld"] = "true", ["Input.Ruling"] = "没有异议可裁定" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不能裁定异议", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
