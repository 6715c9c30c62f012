using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using ChinaTime = Sunlight.Web.ChinaTime;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Tests.Platform.Admin;

public sealed class AuditLogTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private sealed record PageBody(List<AuditEntryDto> Items, long? NextCursor);

    [Fact]
    [ScopeCovered("GET /api/v1/audit")]
    public async Task List_FiltersAndPagesNewestFirst_ForAuditRolesOnly()
    {
        // A known change to find: the supervisor edits one enterprise.
        var enterprise = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Skip(12).FirstAsync());
        await app.DbAs("supervisor", async db =>
        {
            var e = await db.Enterprises.SingleAsync(x => x.Id == enterprise.Id);
            e.Phone = "13800000001";
            return await db.SaveChangesAsync();
        });

        using var observer = await app.ClientFor("observer");
        var filtered = await HttpAssert.Ok<PageBody>(await observer.GetAsync($"/api/v1/audit?entityType=Enterprise&entityId={enterprise.Id}&actor=supervisor&action=Update"));
        var hit = Assert.Single(filtered.Items);
        Assert.Contains("13800000001", hit.After, StringComparison.Ordinal);
        Assert.Null(filtered.NextCursor);

        var today = ChinaTime.Today(app.Clock).ToString("yyyy-MM-dd");
        var byDate = await HttpAssert.Ok<PageBody>(await observer.GetAsync($"/api/v1/audit?entityType=Enterprise&from={today}&to={today}&limit=200"));
        Assert.Contains(byDate.Items, i => i.Id == hit.Id);
        var yesterday = ChinaTime.Today(app.Clock).AddDays(-1).ToString("yyyy-MM-dd");
        var none = await HttpAssert.Ok<PageBody>(await observer.GetAsync($"/api/v1/audit?to={yesterday}"));
        Assert.Empty(none.Items);

        // Keyset: two pages of 5, newest first, no overlap, continuing where the first stopped.
        var first = await HttpAssert.Ok<PageBody>(await observer.GetAsync("/api/v1/audit?limit=5"));
        var max = await app.Db(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => max - i), first.Items.Select(i => i.Sequence));
        Assert.Equal(max - 4, first.NextCursor);
        var second = await HttpAssert.Ok<PageBody>(await observer.GetAsync($"/api/v1/audit?limit=5&before={first.NextCursor}"));
        Assert.Equal(Enumerable.Range(5, 5).Select(i => max - i), second.Items.Select(i => i.Sequence));

        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Ok<PageBody>(await supervisor.GetAsync("/api/v1/audit?limit=1"));
        using var admin = await app.ClientFor("admin");
        await HttpAssert.Ok<PageBody>(await admin.GetAsync("/api/v1/audit?limit=1"));
        foreach (var refused in new[] { "unit01", "enterprise", "inspector" })
        {
            using var client = await app.ClientFor(refused);
            await HttpAssert.Problem(await client.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
        }
        using var anonymous = app.CreateClient();
        await HttpAssert.Problem(await anonymous.GetAsync("/api/v1/audit"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AuditPages_ShowChainStatus_AndReadableFieldChanges()
    {
        var enterprise = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Skip(30).FirstAsync());
        await app.DbAs("supervisor", async db =>
        {
            var e = await db.Enterprises.SingleAsync(x => x.Id == enterprise.Id);
            e.Name = "审计详情测试有限公司";
            return await db.SaveChangesAsync();
        });
        var entryId = await app.Db(db => db.AuditEntries.Where(a => a.EntityType == nameof(Enterprise) && a.EntityId == enterprise.Id.ToString() && a.Action == "Update").Select(a => a.Id).SingleAsync());

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var list = await supervisor.GetHtmlAsync($"/Audit?entityType=Enterprise&action=Update&actor=supervisor");
        Assert.Contains("审计链完整", list, StringComparison.Ordinal);
        Assert.Contains($"/Audit/Detail/{entryId}", list, StringComparison.Ordinal);
        var detail = await supervisor.GetHtmlAsync($"/Audit/Detail/{entryId}");
        Assert.Contains("审计详情测试有限公司", detail, StringComparison.Ordinal);
        Assert.Contains(enterprise.Name, detail, StringComparison.Ordinal);

        using var unit = await PageSession.SignInAsync(app, "unit01");
        var refused = await unit.Client.GetAsync("/Audit");
        await HttpAssert.ErrorPage(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Fields_PairBeforeAndAfter_AndMarkChanges()
    {
        var fields = AuditLog.Fields("{\"Name\":\"甲\",\"Phone\":\"1\"}", "{\"Name\":\"乙\",\"Phone\":\"1\"}");
        Assert.Equal([new AuditFieldChange("Name", "甲", "乙", true), new AuditFieldChange("Phone", "1", "1", false)], fields);
        Assert.All(AuditLog.Fields(null, "{\"Id\":5}"), f => Assert.True(f.Changed));
    }
}

/// <summary>Tampering is destructive for the fixture's database, so it gets a class (and database) of its own.</summary>
public sealed class AuditVerifyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/audit/verify")]
    public async Task Verify_ReportsIntact_ThenTheFirstTamperedEntry_ForAuditRolesOnly()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var intact = await HttpAssert.Ok<AuditVerifyResponse>(await supervisor.GetAsync("/api/v1/audit/verify"));
        Assert.True(intact.Intact);
        Assert.Equal(await app.Db(db => db.AuditEntries.CountAsync()), intact.Count);
        Assert.Contains("审计链完整", intact.Message, StringComparison.Ordinal);

        foreach (var refused in new[] { "unit01", "enterprise" })
        {
            using var client = await app.ClientFor(refused);
            await HttpAssert.Problem(await client.GetAsync("/api/v1/audit/verify"), HttpStatusCode.Forbidden);
        }

        var target = await app.Db(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(7).Select(a => new { a.Id, a.Sequence }).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Id\" = {target.Id}"));
        using var observer = await app.ClientFor("observer");
        var broken = await HttpAssert.Ok<AuditVerifyResponse>(await observer.GetAsync("/api/v1/audit/verify"));
        Assert.False(broken.Intact);
        Assert.Equal(target.Sequence, broken.BrokenSequence);
        Assert.Contains("篡改", broken.Reason, StringComparison.Ordinal);

        using var page = await PageSession.SignInAsync(app, "observer");
        var html = await page.GetHtmlAsync("/Audit");
        Assert.Contains("审计链已断开", html, StringComparison.Ordinal);
        Assert.Contains($"第 {target.Sequence} 条", html, StringComparison.Ordinal);
    }
}
