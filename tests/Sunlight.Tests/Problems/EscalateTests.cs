using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems.Escalate;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Problems;

/// <summary>约谈/移送/督办 on a problem (Features/Problems/Escalate), and who sees the escalations afterwards.</summary>
public sealed class EscalateTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/escalations")]
    [ScopeCovered("POST /api/v1/escalations")]
    [ScopeCovered("GET /api/v1/escalations")]
    public async Task AdmonitionAndReferral_BySupervisor_ReferralsVisibleToObservers_UnitSeesOwn()
    {
        var p = await app.RaiseAsync("U20", "约谈测试问题");
        using var supervisor = await app.ClientFor("supervisor");
        using var unit20 = await app.ClientFor("unit20");
        await HttpAssert.Problem(await unit20.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Admonition", reason = "自己约谈自己" }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Reminder", reason = "提醒" }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems/999999/escalations", new { kind = "Admonition", reason = "不存在" }), HttpStatusCode.NotFound);
        var admonition = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Admonition", reason = "整改不力，约谈单位主要负责人" }), HttpStatusCode.Created);
        Assert.Equal(p.Id, admonition.SubjectId);

        var u21 = await app.UnitId("U21");
        await HttpAssert.Problem(await unit20.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Referral, u21, "越权移送")), HttpStatusCode.Forbidden);
        var referral = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Referral, u21, "涉嫌违纪，移送县纪委监委")), HttpStatusCode.Created);
        Assert.Equal(EscalationKind.Referral, (await app.Db(db => db.Set<Escalation>().SingleAsync(e => e.Id == referral.Id))).Kind);
        var observerId = await app.Db(db => db.Users.Where(u => u.UserName == "observer").Select(u => u.Id).SingleAsync());
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.UserId == observerId && n.Body == "涉嫌违纪，移送县纪委监委")));

        using var observer = await app.ClientFor("observer");
        var seen = await HttpAssert.Ok<Page<EscalationDto>>(await observer.GetAsync("/api/v1/escalations?limit=200"));
        Assert.Contains(seen.Items, e => e.Id == referral.Id);
        Assert.All(seen.Items, e => Assert.Equal(EscalationKind.Referral, e.Kind));

        var own = await HttpAssert.Ok<Page<EscalationDto>>(await unit20.GetAsync("/api/v1/escalations?limit=200"));
        Assert.Contains(own.Items, e => e.Id == admonition.Id);
        Assert.DoesNotContain(own.Items, e => e.Id == referral.Id);

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/escalations"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Escalate_ReasonOfColumnLength_Passes_OneMoreIs400_AutomaticKindIs400_NothingStored()
    {
        var p = await app.RaiseAsync("U20", "约谈长度测试");
        using var supervisor = await app.ClientFor("supervisor");
        var reason = new string('由', EscalateInputValidator.ReasonLength);
        var e = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Supervise", reason }), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Set<Escalation>().SingleAsync(x => x.Id == e.Id));
        Assert.Equal((EscalationKind.Supervise, "Problem", p.Id, reason), (stored.Kind, stored.SubjectType!, stored.SubjectId!.Value, stored.Reason));

        var tooLong = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations",
            new { kind = "Admonition", reason = new string('由', EscalateInputValidator.ReasonLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Equal($"事由不能超过 {EscalateInputValidator.ReasonLength} 个字", tooLong.Error("reason"));
        var kind = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Urge", reason = "自动催办不能手工记录" }), HttpStatusCode.BadRequest);
        Assert.Equal("只能手工记录约谈、移送纪委监委或督办", kind.Error("kind"));
        Assert.Equal(1, await app.Db(db => db.Set<Escalation>().CountAsync(x => x.SubjectType == "Problem" && x.SubjectId == p.Id)));
    }
}
