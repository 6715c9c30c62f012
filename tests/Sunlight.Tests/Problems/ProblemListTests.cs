using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Problems;

/// <summary>The ledger list (GET /api/v1/problems, /Problems): scope, filters, the overdue rule, keyset paging with total, the demo data.</summary>
public sealed class ProblemListTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/problems")]
    [ScopeCovered("GET /api/v1/problems/{id:long}")]
    public async Task Ledger_UnitStaffSeeOwnUnit_ObserverReadsAll_InspectorRefused()
    {
        var foreign = await app.RaiseAsync("U12", "十二号单位的问题");
        using var unit11 = await app.ClientFor("unit11");
        var own = await app.UnitId("U11");
        var page = await HttpAssert.Ok<Page<ProblemDto>>(await unit11.GetAsync("/api/v1/problems?limit=200"));
        Assert.All(page.Items, p => Assert.Equal(own, p.UnitId));
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.UnitId == own)), page.Items.Count);
        await HttpAssert.Problem(await unit11.GetAsync($"/api/v1/problems/{foreign.Id}"), HttpStatusCode.NotFound);

        using var observer = await app.ClientFor("observer");
        var all = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?category=三项制度落实&limit=200"));
        Assert.True(all.Items.Count >= 18);
        Assert.All(all.Items, p => Assert.Equal("三项制度落实", p.Category));
        Assert.Equal(foreign.Id, (await HttpAssert.Ok<ProblemDetailDto>(await observer.GetAsync($"/api/v1/problems/{foreign.Id}"))).Problem.Id);

        var overdue = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?overdue=true&limit=200"));
        Assert.NotEmpty(overdue.Items);
        Assert.All(overdue.Items, p => Assert.True(p.Overdue && p.Deadline < new DateOnly(2026, 11, 25)));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/problems"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoSeed_HasTheEighteenThreeSystemsProblems_InAMixOfStates()
    {
        var seeded = await app.Db(db => db.Set<Problem>().Where(p => p.Category == "三项制度落实" && p.FoundBy != "督查组").ToListAsync());
        Assert.Equal(18, seeded.Count);
        Assert.All(seeded, p => Assert.Contains(p.Source, new[] { ProblemSource.SelfInspection, ProblemSource.SupervisoryInspection }));
        Assert.Contains(seeded, p => p.State == ProblemState.WrittenOff);
        Assert.Contains(seeded, p => p.State == ProblemState.AwaitingVerification);
        Assert.Contains(seeded, p => p.IsOverdueOn(new DateOnly(2026, 11, 25)));
        Assert.Contains(seeded, p => p.State == ProblemState.Rectifying && !p.IsOverdueOn(new DateOnly(2026, 11, 25)));
        Assert.True(seeded.Select(p => p.UnitId).Distinct().Count() >= 8);
        Assert.True(await app.Db(db => db.Set<Problem>().AnyAsync(p => p.Category != "三项制度落实")));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Problem" && a.Action == "StateChange")));
    }

    [Fact]
    public async Task List_PagesNewestFirst_AfterTheLastIdSeen_WithTheFilteredTotal()
    {
        using var observer = await app.ClientFor("observer");
        var total = await app.Db(db => db.Set<Problem>().CountAsync());
        var first = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?limit=5"));
        Assert.Equal(total, first.Total);
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(first.Items.Select(p => p.Id).OrderDescending(), first.Items.Select(p => p.Id));
        Assert.Equal(first.Items[^1].Id, first.NextCursor);
        var second = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync($"/api/v1/problems?limit=5&after={first.NextCursor}"));
        Assert.Equal(total, second.Total);
        Assert.All(second.Items, p => Assert.True(p.Id < first.Items[^1].Id));
        // "before" is not a paging parameter any more: it is ignored.
        var ignored = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync($"/api/v1/problems?limit=5&before={first.NextCursor}"));
        Assert.Equal(first.Items.Select(p => p.Id), ignored.Items.Select(p => p.Id));

        var overdue = await HttpAssert.Ok<Page<ProblemDto>>(await observer.GetAsync("/api/v1/problems?overdue=true&limit=1"));
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.State == ProblemState.Rectifying && p.Deadline < today)), overdue.Total);

        using var page = await app.LoginWithCookieAsync("observer");
        Assert.Contains($"共 {total} 条", await page.GetStringAsync("/Problems"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerPage_SaysTheDeadlineInWorkingDays_TheDateInATooltip()
    {
        var late = await app.RectifyingAsync("U07");
        var raised = await app.RaiseAsync("U07", "工作日列测试：执法文书送达不规范");
        var today = Sunlight.Web.ChinaTime.Today(app.Clock);
        var deadline = today.AddDays(-8);
        await app.Db(db => db.Set<Problem>().Where(p => p.Id == late.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, deadline)));
        var calendar = app.Services.GetRequiredService<Sunlight.Web.Infrastructure.Calendar.WorkingCalendar>();
        using var page = await PageSession.SignInAsync(app, "supervisor");
        var html = await page.GetHtmlAsync($"/Problems?UnitId={await app.UnitId("U07")}");

        string Due(string number) => System.Text.RegularExpressions.Regex.Match(html,
            $">{number}</a>[\\s\\S]*?(<span title=\"[^\"]*\" data-testid=\"due\">[^<]*</span>)").Groups[1].Value;
        Assert.Equal($"<span title=\"整改时限 {deadline:yyyy-MM-dd}\" data-testid=\"due\">逾期 {calendar.WorkingDaysBetween(deadline, today)} 个工作日</span>", Due(late.Number));
        Assert.Equal($"<span title=\"制定整改措施期限 {raised.PlanDueOn:yyyy-MM-dd}\" data-testid=\"due\">剩余 {calendar.WorkingDaysBetween(today, raised.PlanDueOn)} 个工作日</span>", Due(raised.Number));
        Assert.Contains("<th class=\"text-nowrap\">期限</th>", html, StringComparison.Ordinal);
    }
}
