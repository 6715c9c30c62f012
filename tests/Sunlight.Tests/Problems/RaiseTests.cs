using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Sunlight.Tests.Problems;

/// <summary>登记 (Features/Problems/Raise): who may raise for which unit, input limits, the stored problem and its audit entry.</summary>
public sealed class RaiseTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<RaiseInput> InputAsync(string unitCode, string description) =>
        new(ProblemSource.SelfInspection, await app.UnitId(unitCode), "执法程序", ProblemSeverity.Minor, description, new DateOnly(2026, 11, 24), "法制员");

    [Fact]
    [ScopeCovered("POST /api/v1/problems")]
    public async Task Raise_BySupervisor_StoresRaisedProblemAndNotifiesTheUnit_UnitStaffOnlyForOwnUnit()
    {
        var p = await app.RaiseAsync("U05", "登记测试：公示栏未更新");
        var stored = await app.Stored(p.Id);
        Assert.Equal(ProblemState.Raised, stored.State);
        Assert.Equal(await app.UnitId("U05"), stored.UnitId);
        Assert.Equal(new DateOnly(2026, 12, 2), stored.PlanDueOn); // 5 WD after Wed 2026-11-25
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Link == $"/Problems/Details?no={stored.Number}")));
        var (entry, _, after) = await app.LastAuditAsync(p.Id, "Create");
        Assert.Contains("supervisor", entry.Actor, StringComparison.Ordinal);
        Assert.Equal(nameof(ProblemState.Raised), after.GetProperty("State").GetString());
        Assert.Equal("登记测试：公示栏未更新", after.GetProperty("Description").GetString());

        using var unit05 = await app.ClientFor("unit05");
        var own = await InputAsync("U05", "自查发现：送达回证缺失");
        await HttpAssert.Ok<ProblemDto>(await unit05.PostJson("/api/v1/problems", own), HttpStatusCode.Created);
        await HttpAssert.Problem(await unit05.PostJson("/api/v1/problems", own with { UnitId = await app.UnitId("U06"), Description = "越权登记" }), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.Set<Problem>().AnyAsync(x => x.Description == "越权登记")));

        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostJson("/api/v1/problems", own with { Description = "观察员登记" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Raise_CategoryNotInTheDictionary_Is400_AndNothingStored()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems", await InputAsync("U05", "类别不存在") with { Category = "不存在的类别" }), HttpStatusCode.BadRequest);
        Assert.Contains("类别字典", bad.Error("category"), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<Problem>().AnyAsync(x => x.Description == "类别不存在")));
    }

    [Fact]
    public async Task Raise_DescriptionOfColumnLength_Passes_OneMoreIs400WithTheField_AndNothingStored()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var full = new string('述', ProblemConfiguration.DescriptionLength);
        var p = await HttpAssert.Ok<ProblemDto>(await supervisor.PostJson("/api/v1/problems", await InputAsync("U05", full)), HttpStatusCode.Created);
        Assert.Equal(full, (await app.Stored(p.Id)).Description);

        var tooLong = new string('超', ProblemConfiguration.DescriptionLength + 1);
        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems", await InputAsync("U05", tooLong)), HttpStatusCode.BadRequest);
        Assert.Equal($"问题描述不能超过 {ProblemConfiguration.DescriptionLength} 个字", bad.Error("description"));
        var foundBy = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems",
            await InputAsync("U05", "发现人过长") with { FoundBy = new string('人', ProblemConfiguration.FoundByLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Contains("发现人不能超过", foundBy.Error("foundBy"), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<Problem>().AnyAsync(x => x.Description == tooLong || x.Description == "发现人过长")));
    }

    [Fact]
    public async Task Raise_FoundTomorrow_Is400_NullBody_Is400()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var future = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems",
            await InputAsync("U05", "明天发现") with { FoundOn = new DateOnly(2026, 11, 26) }), HttpStatusCode.BadRequest);
        Assert.Equal("发现日期不能晚于今天", future.Error("foundOn"));
        await HttpAssert.Ok<ProblemDto>(await supervisor.PostJson("/api/v1/problems", await InputAsync("U05", "今天发现") with { FoundOn = new DateOnly(2026, 11, 25) }), HttpStatusCode.Created);
        using var empty = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/problems", empty), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RaiseAsync_AddsWithoutSaving_SoTheCallersOneSaveCommitsBoth()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<ProblemLedger>();
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.Complaint, "Complaint", 4242, await app.UnitId("U22"), "作风问题",
            ProblemSeverity.Serious, "投诉反映执法人员态度粗暴", new DateOnly(2026, 11, 24), "投诉受理"), CancellationToken.None);
        Assert.False(await app.Db(d => d.Set<Problem>().AnyAsync(p => p.SourceId == 4242)));
        await db.SaveChangesAsync();
        var stored = await app.Stored(problem.Id);
        Assert.Equal(("Complaint", 4242L, ProblemState.Raised), (stored.SourceType, stored.SourceId!.Value, stored.State));
        Assert.True(await app.Db(d => d.Set<Notification>().AnyAsync(n => n.Link == $"/Problems/Details?no={stored.Number}")));
    }
}
