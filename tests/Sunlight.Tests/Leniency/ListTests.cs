using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Leniency.Import;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Leniency.LeniencyTestKit;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Leniency;

/// <summary>Lists: new version, add item, approve (publish), import; rules, limits and scope.</summary>
public sealed class ListTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/leniency/lists")]
    [ScopeCovered("POST /api/v1/leniency/lists/{id:long}/items")]
    [ScopeCovered("POST /api/v1/leniency/lists/{id:long}/approve")]
    [ScopeCovered("GET /api/v1/leniency/lists/{id:long}")]
    public async Task NewVersion_CopiesItemsInForce_AddItem_Approve_SupersedesOld_AndScopes()
    {
        using var unit07 = await app.ClientFor("unit07");
        var draft = await Json(await unit07.PostJson("/api/v1/leniency/lists", new { kind = ListKind.FirstViolation }));
        var id = draft.GetProperty("list").GetProperty("id").GetInt64();
        Assert.Equal(2, draft.GetProperty("list").GetProperty("number").GetInt32());
        Assert.Equal(3, draft.GetProperty("items").GetArrayLength());
        var body = await HttpAssert.Problem(await unit07.PostJson("/api/v1/leniency/lists", new { kind = ListKind.FirstViolation }), HttpStatusCode.Conflict);
        Assert.Equal("L-DRAFT", body.GetProperty("rule").GetString());

        var name = new string('项', LeniencyColumns.NameLength);
        var condition = new string('条', LeniencyColumns.ConditionLength);
        var added = await Json(await unit07.PostJson($"/api/v1/leniency/lists/{id}/items", new { name, conditions = new[] { condition, "及时改正" }, legalBasis = "依据" }));
        Assert.Equal([condition, "及时改正"], Item(added, name).GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        var tooLong = await HttpAssert.Problem(await unit07.PostJson($"/api/v1/leniency/lists/{id}/items",
            new { name = name + "项", conditions = new[] { condition + "条" }, legalBasis = "依据" }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", tooLong.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Contains("不能超过", tooLong.GetProperty("errors").GetProperty("conditions[0]")[0].GetString());
        Assert.Equal("L-DUPLICATE", (await HttpAssert.Problem(await unit07.PostJson($"/api/v1/leniency/lists/{id}/items", new { name, conditions = new[] { "x" }, legalBasis = "依据" }),
            HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var noConditions = await HttpAssert.Problem(await unit07.PostJson($"/api/v1/leniency/lists/{id}/items", new { name = "无条件", legalBasis = "依据" }), HttpStatusCode.Conflict);
        Assert.Equal("L-CONDITIONS", noConditions.GetProperty("rule").GetString());
        Assert.Equal(4, await app.Db(db => db.Set<ListItem>().CountAsync(i => i.ListId == id)));

        // Scope: another unit does not find the draft; a unit may not approve; the Supervisor may not edit items.
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/leniency/lists/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit01.PostJson($"/api/v1/leniency/lists/{id}/items", new { name = "x", conditions = new[] { "y" }, legalBasis = "z" }), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit07.PostJson($"/api/v1/leniency/lists/{id}/approve", new { }), HttpStatusCode.Forbidden);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/items", new { name = "x", conditions = new[] { "y" }, legalBasis = "z" }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/leniency/lists", new { kind = ListKind.FirstViolation }), HttpStatusCode.Forbidden);
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync($"/api/v1/leniency/lists/{id}"), HttpStatusCode.Forbidden);

        var approved = await Json(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/approve", new { version = added.GetProperty("list").GetProperty("version").GetGuid() }));
        Assert.Equal(nameof(ListState.Approved), approved.GetProperty("list").GetProperty("state").GetString());
        var (stored, old) = await app.Db(async db => (await db.Set<LeniencyList>().SingleAsync(l => l.Id == id),
            await db.Set<LeniencyList>().SingleAsync(l => l.UnitId == approved.GetProperty("list").GetProperty("unitId").GetInt64() && l.Kind == ListKind.FirstViolation && l.Number == 1)));
        Assert.True(stored.IsPublished);
        Assert.Equal(ListState.Superseded, old.State);
        Assert.False(old.IsPublished);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(LeniencyList) && e.EntityId == id.ToString() && e.Action == "StateChange").OrderByDescending(e => e.Sequence).FirstAsync());
        using (var before = JsonDocument.Parse(entry.Before!))
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(nameof(ListState.Draft), before.RootElement.GetProperty("State").GetString());
            Assert.Equal(nameof(ListState.Approved), after.RootElement.GetProperty("State").GetString());
        }
        var again = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/approve", new { }), HttpStatusCode.Conflict);
        Assert.Equal("L-STATE", again.GetProperty("rule").GetString());
        var closed = await HttpAssert.Problem(await unit07.PostJson($"/api/v1/leniency/lists/{id}/items", new { name = "x", conditions = new[] { "y" }, legalBasis = "z" }), HttpStatusCode.Conflict);
        Assert.Equal("L-STATE", closed.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Approve_EmptyDraft_IsRefused_AndStaleVersionIsConcurrency()
    {
        using var unit08 = await app.ClientFor("unit08");
        var draft = await Json(await unit08.PostJson("/api/v1/leniency/lists", new { kind = ListKind.NoCoercion }));
        var id = draft.GetProperty("list").GetProperty("id").GetInt64();
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal("L-EMPTY", (await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/approve", new { }), HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await Json(await unit08.PostJson($"/api/v1/leniency/lists/{id}/items", new { name = "免予扣押", legalBasis = "行政强制法" }));
        var stale = await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/leniency/lists/{id}/approve", new { version = draft.GetProperty("list").GetProperty("version").GetGuid() }), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());
        Assert.Equal(ListState.Draft, await app.Db(db => db.Set<LeniencyList>().Where(l => l.Id == id).Select(l => l.State).SingleAsync()));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/leniency/lists/import")]
    [ScopeCovered("GET /api/v1/leniency/lists")]
    public async Task Import_WritesDraftsPerKind_WithConditionLines_MalformedRowsSaveNothing()
    {
        using var unit09 = await app.ClientFor("unit09");
        var bad = Xlsx([
            Row(ImportList.Columns, "首违不罚", "未公示卫生许可证", "初次违法\n危害后果轻微；及时改正", "公共场所卫生管理条例", "", ""),
            Row(ImportList.Columns, "不知道", "某事项", "条件", "依据"),
            Row(ImportList.Columns, "首违不罚", "", "", "依据"),
            Row(ImportList.Columns, "柔性执法一件事", new string('长', LeniencyColumns.NameLength + 1), "", "依据"),
        ]);
        var refused = await HttpAssert.Problem(await unit09.PostAsync("/api/v1/leniency/lists/import", Upload(bad, "清单.xlsx")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("清单类别“不知道”无法识别", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("事项名称不能为空", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("须填写适用条件", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("不能超过", StringComparison.Ordinal));
        var unitId = await UnitIdOf(app, "unit09");
        Assert.Equal(0, await app.Db(db => db.Set<LeniencyList>().CountAsync(l => l.UnitId == unitId && l.State == ListState.Draft)));

        var good = Xlsx([
            Row(ImportList.Columns, "首违不罚", "未公示卫生许可证", "初次违法\n危害后果轻微；及时改正", "公共场所卫生管理条例", "", "首次责令改正"),
            Row(ImportList.Columns, "柔性执法一件事", "卫生许可提醒", "", "公共场所卫生管理条例", "提醒", ""),
        ]);
        var result = await Json(await unit09.PostAsync("/api/v1/leniency/lists/import", Upload(good, "清单.xlsx")));
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var drafts = await app.Db(db => db.Set<LeniencyList>().Include(l => l.Items).ThenInclude(i => i.Conditions)
            .Where(l => l.UnitId == unitId && l.State == ListState.Draft).ToListAsync());
        Assert.Equal([ListKind.FirstViolation, ListKind.FlexibleMatters], drafts.Select(d => d.Kind).Order());
        var item = drafts.Single(d => d.Kind == ListKind.FirstViolation).Items.Single();
        Assert.Equal(["初次违法", "危害后果轻微", "及时改正"], item.Conditions.OrderBy(c => c.Order).Select(c => c.Text));
        Assert.Equal("首次责令改正", item.Note);

        // Importing again refills the draft instead of adding a second one.
        await Json(await unit09.PostAsync("/api/v1/leniency/lists/import", Upload(good, "清单.xlsx")));
        Assert.Equal(1, await app.Db(db => db.Set<ListItem>().CountAsync(i => i.UnitId == unitId && i.List!.State == ListState.Draft && i.List.Kind == ListKind.FirstViolation)));

        var page = await Json(await unit09.GetAsync($"/api/v1/leniency/lists?state={ListState.Draft}"));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        using var unit01 = await app.ClientFor("unit01");
        Assert.Equal(0, (await Json(await unit01.GetAsync($"/api/v1/leniency/lists?unitId={unitId}"))).GetProperty("total").GetInt32());
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/leniency/lists/import", Upload(good, "清单.xlsx")), HttpStatusCode.Forbidden);
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/leniency/lists"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/leniency/items")]
    public async Task Items_ShowOnlyApprovedVersions_InScope()
    {
        using var unit10 = await app.ClientFor("unit10");
        var unitId = await UnitIdOf(app, "unit10");
        var before = (await Json(await unit10.GetAsync($"/api/v1/leniency/items?kind={ListKind.FirstViolation}"))).GetProperty("total").GetInt32();
        await Json(await unit10.PostJson("/api/v1/leniency/lists", new { kind = ListKind.FirstViolation }));
        Assert.Equal(before, (await Json(await unit10.GetAsync($"/api/v1/leniency/items?kind={ListKind.FirstViolation}"))).GetProperty("total").GetInt32());
        var page = await Json(await unit10.GetAsync("/api/v1/leniency/items?limit=200"));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(unitId, i.GetProperty("unitId").GetInt64()));
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/leniency/items"), HttpStatusCode.Forbidden);
    }
}
