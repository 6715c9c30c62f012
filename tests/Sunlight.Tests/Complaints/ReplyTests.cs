using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>答复 (Features/Complaints/Reply): the assigned unit drafts a bounded reply; other units do not find it; audited.</summary>
public sealed class ReplyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Reply_OfColumnLength_IsStoredAndAudited_OneOver_Returns400()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var unit = await app.ClientFor("unit05");
        await AssertTooLongAsync(app, unit, id, "reply", "text", [], ComplaintConfiguration.TextLength);

        var text = new string('答', ComplaintConfiguration.TextLength);
        var dto = await StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text });
        Assert.Equal(ComplaintState.ReplyDrafted, dto.State);
        Assert.Equal(text, (await StoredAsync(app, id)).DraftReply);
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal("StateChange", entry.Action);
        Assert.Equal(nameof(ComplaintState.Assigned), before.GetProperty("State").GetString());
        Assert.Equal(nameof(ComplaintState.ReplyDrafted), after.GetProperty("State").GetString());
        Assert.Equal(text, after.GetProperty("DraftReply").GetString());
    }

    [Fact]
    public async Task Reply_Twice_Returns409_CState_OtherUnit_Returns404_Supervisor_Returns403()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.ReplyDrafted);
        using var unit = await app.ClientFor("unit05");
        await AssertRefusedAsync(app, unit, id, "reply", new { text = "再答复一次" }, "C-STATE");
        using var other = await app.ClientFor("unit06");
        await HttpAssert.Problem(await other.PostJson($"/api/v1/complaints/{id}/reply", new { text = "越权" }), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/complaints/{id}/reply", new { text = "越权" }), HttpStatusCode.Forbidden);
        Assert.Equal("经核查，已责令改正。", (await StoredAsync(app, id)).DraftReply);
    }

    [Fact]
    public async Task ReplyPage_Empty_ShowsChineseMessage_ThenSubmits()
    {
        var id = await ComplaintAtAsync(app, ComplaintState.Assigned);
        using var page = await PageSession.SignInAsync(app, "unit05");
        var refused = await page.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/Reply/{id}", new() { ["Input.Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写答复内容", await refused.Content.ReadAsStringAsync());

        var done = await page.PostFormAsync($"/Complaints/Reply/{id}", $"/Complaints/Reply/{id}", new() { ["Input.Text"] = "已核实并整改。" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(("已核实并整改。", ComplaintState.ReplyDrafted), ((await StoredAsync(app, id)).DraftReply, (await StoredAsync(app, id)).State));
        using var other = await PageSession.SignInAsync(app, "unit06");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/Complaints/Reply/{id}")).StatusCode);
    }
}
