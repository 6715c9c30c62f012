using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Tests.Campaigns;

/// <summary>Late self-inspections are reminded, urged and supervised once each (EscalationLedger), and show on the work home.</summary>
public sealed class SelfInspectionDeadlineTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "self-inspection-deadlines").RunAsync(CancellationToken.None);
    }

    private Task<List<Escalation>> EscalationsOf(long selfId) =>
        app.Db(db => db.Set<Escalation>().Where(e => e.SubjectType == nameof(SelfInspection) && e.SubjectId == selfId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task PastTheDeadline_TheLateUnitIsSupervisedOnce_TheSubmittedOneIsNot_AndBothWorkHomesShowIt()
    {
        var c = await CampaignApi.RunningAsync(app, "逾期自查", "U18", "U19");
        var (u18, u19) = (await app.UnitId("U18"), await app.UnitId("U19"));
        var (late, done) = (CampaignApi.SelfInspectionOf(c, u18), CampaignApi.SelfInspectionOf(c, u19));
        using (var unit19 = await app.ClientFor("unit19"))
        {
            await HttpAssert.Ok<SelfInspectionDto>(await unit19.PutJson($"/api/v1/campaigns/self-inspections/{done}/answers",
                new AnswerSelfInspectionInput(CampaignApi.PointIds(c).Select(p => new AnswerInput(p, Verdict.Compliant)).ToList())));
            await HttpAssert.Ok<SelfInspectionDto>(await unit19.PostJson($"/api/v1/campaigns/self-inspections/{done}/submit", new { }));
        }
        using (var before = await app.LoginWithCookieAsync("unit18"))
        {
            var home = await before.GetStringAsync("/");
            Assert.Contains($"/Campaigns/SelfInspect/{late}", home, StringComparison.Ordinal);
            Assert.Contains("逐项自查并提交", home, StringComparison.Ordinal);
        }

        // 2026-12-15 is the deadline (CampaignApi); the day after, at 09:00 in China.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 1, 0, 0, TimeSpan.Zero));
        await RunJobAsync();
        await RunJobAsync();
        var escalations = await EscalationsOf(late);
        var supervise = Assert.Single(escalations, e => e.Kind == EscalationKind.Supervise);
        Assert.Equal((u18, new DateOnly(2026, 12, 15)), (supervise.UnitId, supervise.DueDate));
        Assert.Contains("逾期自查", supervise.Reason, StringComparison.Ordinal);
        Assert.Empty(await EscalationsOf(done));
        Assert.True(await app.Db(db => db.Set<Notification>().IgnoreQueryFilters().AnyAsync(n => n.Title == "督办：逾期自查逾期未提交自查")));

        using var supervisor = await app.LoginWithCookieAsync("supervisor");
        var supervisorHome = await supervisor.GetStringAsync("/");
        Assert.Contains("逾期未提交自查，督办", supervisorHome, StringComparison.Ordinal);
        Assert.Contains($"/Campaigns/Details/{c.Id}", supervisorHome, StringComparison.Ordinal);
    }
}
