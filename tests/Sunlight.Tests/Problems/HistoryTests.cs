using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Features.Problems.Raise;
using static Sunlight.Tests.Problems.ProblemApi;

namespace Sunlight.Tests.Problems;

/// <summary>
/// A problem's history on its page (the audit projection) and the notices it sends read as Chinese: typed text that ends
/// with its own full stop is not doubled ("。。") or followed by a semicolon ("。；"), and people are named, not their logins.
/// </summary>
public sealed class HistoryTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Timeline_AndNotices_HaveNoDoubledPunctuation_AndNamePeopleByDisplayName()
    {
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit09");
        var raised = await HttpAssert.Ok<ProblemDto>(await supervisor.PostJson("/api/v1/problems", new RaiseInput(ProblemSource.SupervisoryInspection,
            await app.UnitId("U09"), "三项制度落实", ProblemSeverity.Moderate, "公示栏信息未及时更新。", new DateOnly(2026, 11, 20), "督查组")), HttpStatusCode.Created);
        var p = await Post(unit, $"/api/v1/problems/{raised.Id}/measures", new ProposeMeasuresInput("修订公示制度。", new DateOnly(2026, 12, 10), raised.Version));
        p = await Post(unit, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已完成整改。", p.Version));
        p = await Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(false, "整改不到位。", p.Version));

        using var page = await PageSession.SignInAsync(app, "supervisor");
        var html = await page.GetHtmlAsync(Problem.DetailsLink(p.Number));
        var timeline = html[html.IndexOf("data-testid=\"timeline\"", StringComparison.Ordinal)..];
        Assert.Contains("整改措施：修订公示制度；整改时限：2026-12-10。", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("。；", html, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", html, StringComparison.Ordinal);
        var supervisorName = await app.Db(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => u.DisplayName).SingleAsync());
        Assert.Contains($"整改不到位。（{supervisorName}）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("（supervisor）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("核查人：supervisor", html, StringComparison.Ordinal);

        var notices = await app.Db(db => db.Set<Notification>().IgnoreQueryFilters().Where(n => n.Link == Problem.DetailsLink(p.Number)).Select(n => n.Body).ToListAsync());
        Assert.Contains("公示栏信息未及时更新。请在", string.Join("\n", notices), StringComparison.Ordinal);
        Assert.DoesNotContain(notices, n => n.Contains("。。", StringComparison.Ordinal) || n.Contains("。；", StringComparison.Ordinal));
    }
}
