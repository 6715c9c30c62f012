using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using ChinaTime = Sunlight.Web.ChinaTime;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

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

        await AuditVerifyTests.RunVerifyJobAsync(app);
        var verifiedThrough = await app.Db(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var list = await supervisor.GetHtmlAsync($"/Audit?entityType=Enterprise&action=Update&actor=supervisor");
        Assert.Contains($"链校验：完好，截至 第 {verifiedThrough} 条，{ChinaTime.Format(app.Clock.GetUtcNow())} 校验", list, StringComparison.Ordinal);
        // The entity-type filter comes from the model, with the names people read.
        Assert.Contains("<option value=\"Enterprise\" selected=\"selected\">企业</option>", list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"AppUser\">用户账号</option>", list, StringComparison.Ordinal);
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
    /// <summary>Runs the background verification as the job runner does: leased, in a scope of its own.</summary>
    internal static async Task RunVerifyJobAsync(SunlightApp app)
    {
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "audit-verify");
        Assert.True(await app.Services.GetRequiredService<JobRunner>().RunIfLeasedAsync(scope.ServiceProvider, job, CancellationToken.None));
    }

    private Task<AuditCheckpoint?> Checkpoint() => app.Db(db => db.Set<AuditCheckpoint>().AsNoTracking().SingleOrDefaultAsync());

    [Fact]
    [ScopeCovered("GET /api/v1/audit/verify")]
    public async Task Verify_ShowsTheJobsLastResult_NeverVerifiesOnView_AndTheJobFindsTamperingAfterTheCheckpoint()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var before = await HttpAssert.Ok<AuditVerifyResponse>(await supervisor.GetAsync("/api/v1/audit/verify"));
        Assert.False(before.Verified);
        Assert.Contains("尚未校验", before.Message, StringComparison.Ordinal);
        Assert.Null(await Checkpoint());

        foreach (var refused in new[] { "unit01", "enterprise" })
        {
            using var client = await app.ClientFor(refused);
            await HttpAssert.Problem(await client.GetAsync("/api/v1/audit/verify"), HttpStatusCode.Forbidden);
        }

        await RunVerifyJobAsync(app);
        var checkedAt = app.Clock.GetUtcNow();
        var last = await app.Db(db => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => new { a.Id, a.Sequence, a.Hash }).FirstAsync());
        var checkpoint = await Checkpoint();
        Assert.NotNull(checkpoint);
        Assert.Equal((true, last.Sequence, last.Id, last.Hash, checkedAt), (checkpoint.Intact, checkpoint.VerifiedSequence, checkpoint.VerifiedEntryId, checkpoint.VerifiedHash, checkpoint.VerifiedAt));
        var intact = await HttpAssert.Ok<AuditVerifyResponse>(await supervisor.GetAsync("/api/v1/audit/verify"));
        Assert.Equal((true, true, last.Sequence, checkedAt), (intact.Verified, intact.Intact, intact.VerifiedThrough, intact.VerifiedAt));
        Assert.Equal($"链校验：完好，截至 第 {last.Sequence} 条，{ChinaTime.Format(checkedAt)} 校验", intact.Message);

        // New entries after the checkpoint; one of them is then changed behind the application's back.
        var ids = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Skip(40).Take(3).Select(e => e.Id).ToListAsync());
        foreach (var id in ids)
        {
            await app.DbAs("supervisor", async db =>
            {
                (await db.Enterprises.SingleAsync(x => x.Id == id)).Phone = "13700000000";
                return await db.SaveChangesAsync();
            });
        }
        var target = await app.Db(db => db.AuditEntries.Where(a => a.Sequence > last.Sequence).OrderBy(a => a.Sequence).Skip(1).Select(a => new { a.Id, a.Sequence, a.EntityType, a.EntityId }).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Id\" = {target.Id}"));

        // Viewing verifies nothing: the page and the API still show the last result, and the checkpoint is untouched.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using var observerPage = await PageSession.SignInAsync(app, "observer");
        Assert.Contains($"截至 第 {last.Sequence} 条，{ChinaTime.Format(checkedAt)} 校验", await observerPage.GetHtmlAsync("/Audit"), StringComparison.Ordinal);
        Assert.True((await HttpAssert.Ok<AuditVerifyResponse>(await supervisor.GetAsync("/api/v1/audit/verify"))).Intact);
        var afterView = await Checkpoint();
        Assert.Equal((checkpoint.VerifiedAt, checkpoint.VerifiedSequence, true), (afterView!.VerifiedAt, afterView.VerifiedSequence, afterView.Intact));

        // The next job run continues from the checkpoint and finds the changed entry.
        await RunVerifyJobAsync(app);
        using var observer = await app.ClientFor("observer");
        var broken = await HttpAssert.Ok<AuditVerifyResponse>(await observer.GetAsync("/api/v1/audit/verify"));
        Assert.Equal((false, target.Sequence, target.Id, target.Sequence - 1, app.Clock.GetUtcNow()),
            (broken.Intact, broken.BrokenSequence, broken.BrokenId, broken.VerifiedThrough, broken.VerifiedAt));
        Assert.Contains("篡改", broken.Reason, StringComparison.Ordinal);
        var html = await observerPage.GetHtmlAsync("/Audit");
        // The broken entry is named as people name its record (企业 and its name), not by a raw id.
        Assert.Equal(nameof(Enterprise), target.EntityType);
        var enterpriseId = long.Parse(target.EntityId, System.Globalization.CultureInfo.InvariantCulture);
        var enterprise = await app.Db(db => db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).SingleAsync());
        Assert.Contains($"链校验：损坏，第 {target.Sequence} 条（关于企业 {enterprise}）：", html, StringComparison.Ordinal);
        Assert.StartsWith($"链校验：损坏，第 {target.Sequence} 条（关于企业 {enterprise}）：", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("记录 Id", html, StringComparison.Ordinal);
        Assert.Contains($"/Audit/Detail/{target.Id}", html, StringComparison.Ordinal);
    }
}

/// <summary>The CLI verb: incremental from the checkpoint by default, from the first entry with --full.</summary>
public sealed class AuditFullVerifyTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task VerifyAuditVerb_IsIncremental_AndFullFindsTamperingBeforeTheCheckpoint()
    {
        Assert.Equal(0, await RunVerbAsync(full: false));
        var target = await app.Db(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(5).Select(a => new { a.Id, a.Sequence }).FirstAsync());
        await app.Db(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Before\" = '{{}}' WHERE \"Id\" = {target.Id}"));

        // Already verified entries are not read again by the incremental run...
        var (code, output) = await CaptureAsync(() => RunVerbAsync(full: false));
        Assert.Equal(0, code);
        Assert.Contains("增量", output, StringComparison.Ordinal);
        // ...a full run reads them all and stores what it found.
        (code, output) = await CaptureAsync(() => RunVerbAsync(full: true));
        Assert.Equal(1, code);
        Assert.Contains($"第 {target.Sequence} 条（Id={target.Id}", output, StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<AuditCheckpoint>().SingleAsync());
        Assert.Equal((false, target.Sequence, target.Sequence - 1), (stored.Intact, stored.BrokenSequence, stored.VerifiedSequence));
    }

    private Task<int> RunVerbAsync(bool full) => VerifyAuditCommand.RunAsync(app.Services, full);

    private static async Task<(int Code, string Output)> CaptureAsync(Func<Task<int>> run)
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            return (await run(), output.ToString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }
}
