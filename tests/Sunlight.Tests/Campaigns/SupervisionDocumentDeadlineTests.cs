using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Tests.Campaigns;

/// <summary>Unanswered supervision documents are reminded, urged and supervised once each (EscalationLedger); a late answer is accepted and flagged.</summary>
public sealed class SupervisionDocumentDeadlineTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "supervision-document-deadlines").RunAsync(CancellationToken.None);
    }

    private Task<List<Escalation>> EscalationsOf(long id) =>
        app.Db(db => db.Set<Escalation>().Where(e => e.SubjectType == nameof(SupervisionDocument) && e.SubjectId == id).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task ReminderUrgeAndSupervision_OnceEach_TheLateAnswerIsFlagged_TheWorkHomesSayHowLate()
    {
        var (_, u12, _) = await FollowUpApi.InspectedAsync(app, "监督文书期限");
        var today = new DateOnly(2026, 11, 25);
        var d = await FollowUpApi.IssueAsync(app, u12.Id, FollowUpApi.Document(SupervisionDocumentType.Notice, 1));
        var due = FollowUpApi.AddWorkingDays(app, today, 1);
        Assert.Equal(due, d.ResponseDueOn);

        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal([EscalationKind.Reminder], (await EscalationsOf(d.Id)).Select(e => e.Kind));
        app.Clock.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await RunJobAsync();
        var late = FollowUpApi.AddWorkingDays(app, due, 1);
        app.Clock.SetUtcNow(new DateTimeOffset(late.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await RunJobAsync();
        await RunJobAsync();
        var escalations = await EscalationsOf(d.Id);
        Assert.Equal([EscalationKind.Reminder, EscalationKind.Urge, EscalationKind.Supervise], escalations.Select(e => e.Kind));
        var unitId = await app.UnitId("U12");
        Assert.All(escalations, e => Assert.Equal((unitId, due), (e.UnitId, e.DueDate!.Value)));
        Assert.Contains(d.Number, escalations[2].Reason, StringComparison.Ordinal);

        using (var unitHome = await app.LoginWithCookieAsync("unit12"))
        {
            Assert.Contains("逾期 1 个工作日", await unitHome.GetStringAsync("/"), StringComparison.Ordinal);
        }
        using (var supervisorHome = await app.LoginWithCookieAsync("supervisor"))
        {
            var html = await supervisorHome.GetStringAsync("/");
            Assert.Contains("逾期未回复监督文书，督办", html, StringComparison.Ordinal);
            Assert.Contains($"/Campaigns/Documents/{d.Id}", html, StringComparison.Ordinal);
        }

        using var unit = await app.ClientFor("unit12");
        var answered = await HttpAssert.Ok<SupervisionDocumentDto>(await unit.PostAsync($"/api/v1/campaigns/documents/{d.Id}/response", FollowUpApi.Response("已纠正，逾期回复")));
        Assert.True(answered.RespondedLate);
        Assert.True((await app.Db(db => db.Set<SupervisionDocument>().AsNoTracking().SingleAsync(x => x.Id == d.Id))).RespondedLate);
        app.Clock.SetUtcNow(new DateTimeOffset(late.AddDays(7).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await RunJobAsync();
        Assert.Equal(3, (await EscalationsOf(d.Id)).Count);
    }
}
