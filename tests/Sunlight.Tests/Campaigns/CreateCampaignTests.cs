using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Create;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Campaigns;

/// <summary>制定、启动、结束专项治理 (Features/Campaigns/Create).</summary>
public sealed class CreateCampaignTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/campaigns")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}")]
    [ScopeCovered("GET /api/v1/campaigns")]
    public async Task Create_BySupervisor_StoresChecklistNumberedThrough_AndItsAuditEntry_UnitStaffIs403()
    {
        var c = await CampaignApi.CreateAsync(app, "创建测试", "U01", "U02");
        var stored = await app.Db(db => db.Set<Campaign>().AsNoTracking().Include(x => x.Units).Include(x => x.Items).ThenInclude(i => i.Points).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CampaignState.Draft, stored.State);
        Assert.Equal(2, stored.Units.Count);
        Assert.Equal(3, stored.Items.Count);
        Assert.Equal([1, 2, 3, 4, 5], stored.Items.SelectMany(i => i.Points).Select(p => p.Number).Order());
        var (entry, _, after) = await CampaignApi.AuditAsync(app, nameof(Campaign), c.Id, "Create");
        Assert.Contains("supervisor", entry.Actor, StringComparison.Ordinal);
        Assert.Equal("创建测试", after.GetProperty("Name").GetString());
        Assert.Equal(nameof(CampaignState.Draft), after.GetProperty("State").GetString());

        using var unit = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit.PostJson("/api/v1/campaigns", await CampaignApi.InputAsync(app, "单位创建", "U01")), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.Set<Campaign>().AnyAsync(x => x.Name == "单位创建")));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/campaigns/{c.Id}")).StatusCode);

        using var supervisor = await app.ClientFor("supervisor");
        var detail = await HttpAssert.Ok<CampaignDto>(await supervisor.GetAsync($"/api/v1/campaigns/{c.Id}"));
        Assert.Equal("草稿", detail.StateText);
        var list = await HttpAssert.Ok<Page<CampaignRow>>(await supervisor.GetAsync("/api/v1/campaigns"));
        Assert.Contains(list.Items, r => r.Id == c.Id);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/campaigns/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_CopyingTheChecklistOfAnEarlierCampaign_CopiesItemsAndPoints()
    {
        var first = await CampaignApi.CreateAsync(app, "原清单", "U01");
        using var supervisor = await app.ClientFor("supervisor");
        var input = await CampaignApi.InputAsync(app, "复制清单", "U02") with { Items = null, CopyChecklistFrom = first.Id };
        var copy = await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson("/api/v1/campaigns", input), HttpStatusCode.Created);
        Assert.Equal(first.Items.SelectMany(i => i.Points).Select(p => p.Text), copy.Items.SelectMany(i => i.Points).Select(p => p.Text));
        Assert.NotEqual(first.Items[0].Id, copy.Items[0].Id);

        var missing = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns", input with { Name = "复制不存在", CopyChecklistFrom = 999999 }), HttpStatusCode.BadRequest);
        Assert.Equal("要复制清单的专项治理不存在", missing.Error("copyChecklistFrom"));
        var none = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns", input with { Name = "无清单", CopyChecklistFrom = null }), HttpStatusCode.BadRequest);
        Assert.Contains("检查清单", none.Error("items"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TextsOfColumnLength_Pass_OneMoreIs400WithTheField_DueTodayIs400_AndNothingStored()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var full = new string('名', CampaignColumns.NameLength);
        var input = await CampaignApi.InputAsync(app, full, "U01");
        await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson("/api/v1/campaigns", input), HttpStatusCode.Created);

        var tooLong = new string('长', CampaignColumns.NameLength + 1);
        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns", input with { Name = tooLong }), HttpStatusCode.BadRequest);
        Assert.Equal($"专项治理名称不能超过 {CampaignColumns.NameLength} 个字", bad.Error("name"));
        var point = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns", input with
        {
            Name = "内容过长", Items = [new ChecklistItemInput("事项", [new string('点', CampaignColumns.PointTextLength + 1)])],
        }), HttpStatusCode.BadRequest);
        Assert.Equal($"检查内容不能超过 {CampaignColumns.PointTextLength} 个字", point.Error("items[0].points[0]"));
        var due = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns", input with { Name = "期限今天", SelfInspectionDueOn = new DateOnly(2026, 11, 25) }), HttpStatusCode.BadRequest);
        Assert.Equal("自查期限必须晚于今天", due.Error("selfInspectionDueOn"));
        Assert.False(await app.Db(db => db.Set<Campaign>().AnyAsync(x => x.Name == tooLong || x.Name == "内容过长" || x.Name == "期限今天")));
        using var empty = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/campaigns", empty), HttpStatusCode.BadRequest);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/start")]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/close")]
    public async Task Start_FansOutOneSelfInspectionPerUnit_WithTheDeadline_AndTellsEachUnit_ThenClose()
    {
        var draft = await CampaignApi.CreateAsync(app, "启动测试", "U03", "U04");
        using var unit = await app.ClientFor("unit03");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/{draft.Id}/start", new { }), HttpStatusCode.Forbidden);
        using var supervisor = await app.ClientFor("supervisor");
        var c = await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson($"/api/v1/campaigns/{draft.Id}/start", new { }));
        Assert.Equal(CampaignState.Running, c.State);
        var selfs = await app.Db(db => db.Set<Sunlight.Web.Features.Campaigns.SelfInspection>().AsNoTracking().Where(s => s.CampaignId == c.Id).ToListAsync());
        Assert.Equal([await app.UnitId("U03"), await app.UnitId("U04")], selfs.Select(s => s.UnitId).Order());
        Assert.All(selfs, s => Assert.Equal(new DateOnly(2026, 12, 15), s.DueOn));
        var u3 = await app.UnitId("U03");
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Link == $"/Campaigns/Details/{c.Id}" && n.Title.Contains("启动测试"))));
        var (_, before, after) = await CampaignApi.AuditAsync(app, nameof(Campaign), c.Id, "StateChange");
        Assert.Equal((nameof(CampaignState.Draft), nameof(CampaignState.Running)), (before.GetProperty("State").GetString(), after.GetProperty("State").GetString()));

        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/start", new { }), HttpStatusCode.Conflict);
        Assert.Equal(Campaign.StateRule, again.GetProperty("rule").GetString());
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/999999/start", new { }), HttpStatusCode.NotFound);

        // The unit sees its campaign (county-owned) and only its own self-inspection in it.
        var seen = await HttpAssert.Ok<CampaignDto>(await unit.GetAsync($"/api/v1/campaigns/{c.Id}"));
        Assert.Equal([u3], seen.SelfInspections.Select(s => s.UnitId));

        await HttpAssert.Problem(await unit.PostJson($"/api/v1/campaigns/{c.Id}/close", new { }), HttpStatusCode.Forbidden);
        var closed = await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/close", new { }));
        Assert.Equal(CampaignState.Closed, closed.State);
        var twice = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/close", new { }), HttpStatusCode.Conflict);
        Assert.Equal(Campaign.StateRule, twice.GetProperty("rule").GetString());
    }
}
