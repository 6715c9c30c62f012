using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Tests.Platform;

public sealed class InboxTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task NotifyUnit(string code, string title)
    {
        var unitId = await app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EscalationLedger>().RecordOnceAsync(
            new DueEscalation("inbox:" + title, EscalationKind.Reminder, unitId, "359901", null, null, "提醒", null, title, "正文", "/", false), CancellationToken.None);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/notifications")]
    [ScopeCovered("POST /api/v1/notifications/{id:long}/read")]
    public async Task Inbox_ShowsOnlyTheCallersMessages_AndMarksRead()
    {
        await NotifyUnit("U11", "给十一号单位的提醒");
        using var unit11 = await app.ClientFor("unit11");
        var mine = await HttpAssert.Ok<Page<NotificationDto>>(await unit11.GetAsync("/api/v1/notifications"));
        var n = Assert.Single(mine.Items, i => i.Title == "给十一号单位的提醒");

        using var unit12 = await app.ClientFor("unit12");
        var theirs = await HttpAssert.Ok<Page<NotificationDto>>(await unit12.GetAsync("/api/v1/notifications"));
        Assert.DoesNotContain(theirs.Items, i => i.Title == "给十一号单位的提醒");
        await HttpAssert.Problem(await unit12.PostAsync($"/api/v1/notifications/{n.Id}/read", null), HttpStatusCode.NotFound);
        Assert.Null(await app.Db(db => db.Set<Notification>().Where(x => x.Id == n.Id).Select(x => x.ReadAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await unit11.PostAsync($"/api/v1/notifications/{n.Id}/read", null)).StatusCode);
        Assert.NotNull(await app.Db(db => db.Set<Notification>().Where(x => x.Id == n.Id).Select(x => x.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Inbox_PagesNewestFirstByAfter_WithTheTotal_AndMarkingTwiceKeepsTheFirstTime()
    {
        await NotifyUnit("U14", "十四号单位第一条");
        await NotifyUnit("U14", "十四号单位第二条");
        using var unit14 = await app.ClientFor("unit14");
        var first = await HttpAssert.Ok<Page<NotificationDto>>(await unit14.GetAsync("/api/v1/notifications?limit=1"));
        Assert.Equal("十四号单位第二条", Assert.Single(first.Items).Title);
        var userId = await app.Db(db => db.Users.Where(u => u.UserName == "unit14").Select(u => u.Id).SingleAsync());
        Assert.Equal(await app.Db(db => db.Set<Notification>().CountAsync(n => n.UserId == userId)), first.Total);
        var second = await HttpAssert.Ok<Page<NotificationDto>>(await unit14.GetAsync($"/api/v1/notifications?limit=1&after={first.NextCursor}"));
        Assert.Equal("十四号单位第一条", Assert.Single(second.Items).Title);

        var id = second.Items[0].Id;
        Assert.Equal(HttpStatusCode.NoContent, (await unit14.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var readAt = await app.Db(db => db.Set<Notification>().Where(x => x.Id == id).Select(x => x.ReadAt).SingleAsync());
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await unit14.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(readAt, await app.Db(db => db.Set<Notification>().Where(x => x.Id == id).Select(x => x.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task MailOutbox_WithoutSmtp_WritesEmlFilesToTheDataFolder_Once()
    {
        await NotifyUnit("U13", "邮件测试提醒");
        using (var scope = app.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "mail-outbox");
            await job.RunAsync(CancellationToken.None);
            await job.RunAsync(CancellationToken.None);
        }
        var sent = await app.Db(db => db.Set<OutboxMail>().Where(m => m.Subject.Contains("邮件测试提醒")).ToListAsync());
        var mail = Assert.Single(sent);
        Assert.NotNull(mail.SentAt);
        Assert.Equal("unit13@qinghe.example.gov.cn", mail.To);
        var file = Path.Combine(app.DataDirectory, "mail", $"{mail.Id:D8}.eml");
        Assert.True(File.Exists(file));
        using var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("【阳光执法监督平台】邮件测试提醒", message.Subject);
    }
}
