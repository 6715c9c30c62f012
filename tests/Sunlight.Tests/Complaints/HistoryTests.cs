using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// ADR 0004: staff read a complaint's history as a projection of its audit entries; the reporter reads only the public
/// lines (ComplaintEvent). Staff-only timeline rows are no longer written.
/// </summary>
public sealed class HistoryTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task AcceptAssignReply_TheStaffHistoryShowsEachStepFromTheAudit_TheReporterOnlyThePublicLines()
    {
        var receipt = await FileAsync(app);
        var id = await IdOf(app, receipt.TrackingCode);
        var unitId = await UnitId(app, "unit05");
        var unitName = await app.Db(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync());
        var due = ChinaTime.Today(app.Clock).AddDays(35);
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit05");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { note = "属于受理范围" });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId, dueDate = due, note = "请核实" });
        await StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text = "经核查，已责令改正。" });

        var history = (await HttpAssert.Ok<ComplaintDetail>(await unit.GetAsync($"/api/v1/complaints/{id}"))).Timeline;
        Assert.Equal(["收到投诉", "受理", "受理意见", "交办", "提交答复"], history.Select(e => e.Kind));
        Assert.Equal("通过网上投诉登记", history[0].Text);
        Assert.Equal("属于受理范围", history[2].Text);
        Assert.Equal($"办理单位：{unitName}，办理期限 {due:yyyy-MM-dd}；交办意见：请核实", history[3].Text);
        Assert.Equal("经核查，已责令改正。", history[4].Text);
        Assert.Contains("supervisor", history[3].Actor);
        Assert.Contains("unit05", history[4].Actor);
        Assert.DoesNotContain(history, e => (e.Text ?? "").Contains(SecretName) || (e.Text ?? "").Contains("v2$"));

        // Only public lines are stored as timeline rows, and the reporter sees exactly those.
        Assert.False(await app.Db(db => db.Set<ComplaintEvent>().AnyAsync(e => e.ComplaintId == id && !e.IsPublic)));
        using var anonymous = app.CreateClient();
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = receipt.Pin }));
        Assert.Equal(["收到投诉", "受理", "交办"], view.Timeline.Select(e => e.Kind));
        Assert.DoesNotContain(view.Timeline, e => (e.Text ?? "").Contains("请核实") || (e.Text ?? "").Contains("责令改正") || (e.Text ?? "").Contains(unitName));

        // The complaint page shows the projection.
        using var page = await PageSession.SignInAsync(app, "supervisor");
        var html = await page.GetHtmlAsync($"/Complaints/Detail/{id}");
        Assert.Contains($"办理单位：{unitName}，办理期限 {due:yyyy-MM-dd}；交办意见：请核实", html);
        Assert.Contains("受理意见", html);
    }

    [Fact]
    public async Task ReturnExtendSendBackClose_EachReadsInChinese()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit05");
        await StepAsync(unit, $"/api/v1/complaints/{id}/extension", new { reason = "需要委托检测" });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/extension/decision", new { approve = false });
        await StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text = "初稿" });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = false, comment = "请写明核查过程" });
        await StepAsync(unit, $"/api/v1/complaints/{id}/return", new { reason = "不属于本单位职责" });

        var history = (await HttpAssert.Ok<ComplaintDetail>(await supervisor.GetAsync($"/api/v1/complaints/{id}"))).Timeline;
        Assert.Equal(
            [("申请延期", "延期理由：需要委托检测"), ("不批准延期", null), ("提交答复", "初稿"), ("答复退回修改", "审核意见：请写明核查过程"), ("退回", "退回理由：不属于本单位职责")],
            history.Skip(3).Select(e => (e.Kind, e.Text)));
    }
}
