using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Calendar;
using static Sunlight.Tests.Disclosure.DisclosureTestKit;

namespace Sunlight.Tests.Disclosure;

/// <summary>执法决定公示: published decisions only, withdrawn ones marked with their reason, person parties masked, 7/20 WD tracking.</summary>
public sealed class DecisionDisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<List<EnforcementCase>> PublishedPenaltiesAsync(int take) => app.Db(db => db.EnforcementCases.Include(c => c.Milestones)
        .Where(c => c.RegionCode == County && c.PublishedOn != null && c.WithdrawnOn == null && c.Kind == CaseKind.Penalty && !c.IsOnTheSpot)
        .OrderBy(c => c.Id).Take(take).ToListAsync());

    [Fact]
    public async Task Decisions_ListEveryPublishedDecisionOfTheCounty_WithPartyBasisAndPublicationTracking_NotUnpublishedOrOtherCounties()
    {
        var other = await OtherCountyUnitAsync(app, "决定");
        await app.Db(async db =>
        {
            db.EnforcementCases.Add(new EnforcementCase
            {
                RegionCode = OtherCounty, UnitId = other.Id, Kind = CaseKind.Penalty, Number = "邻县罚〔2026〕1号", Title = "邻县案", PartyName = "邻县某公司",
                ItemName = "邻县事项", LegalBasis = "邻县依据", ActCode = EnforcementCase.NewActCode(), CreatedAt = app.Clock.GetUtcNow(), PublishedOn = new(2026, 11, 2),
            });
            return await db.SaveChangesAsync();
        });
        var published = await app.Db(db => db.EnforcementCases.CountAsync(c => c.RegionCode == County && c.PublishedOn != null));
        var unpublished = await app.Db(db => db.EnforcementCases.Where(c => c.RegionCode == County && c.PublishedOn == null && c.Stage >= MilestoneKind.Decided)
            .OrderBy(c => c.Id).FirstAsync());
        var c = (await PublishedPenaltiesAsync(1))[0];

        var all = await AnonymousHtmlAsync(app, "/Disclosure/Decisions");
        Assert.Equal(published, Total(all));
        Assert.Equal(Math.Min(published, 50), Count(all, "decision"));
        Assert.DoesNotContain("邻县罚〔2026〕1号", all, StringComparison.Ordinal);

        var row = Row(await AnonymousHtmlAsync(app, $"/Disclosure/Decisions?unitId={c.UnitId}&q={Uri.EscapeDataString(c.Number)}"), c.Number);
        Assert.Contains($"当事人：{c.PartyName}（{c.PartyUscc}）", row, StringComparison.Ordinal);
        Assert.Contains("依据：" + c.LegalBasis, row, StringComparison.Ordinal);
        var decided = c.Milestones.Where(m => m.Kind == MilestoneKind.Decided).Min(m => m.On);
        var due = app.Services.GetRequiredService<WorkingCalendar>().AddWorkingDays(decided, 7).Date;
        Assert.Contains($"{decided:yyyy-MM-dd} 作出决定", row, StringComparison.Ordinal);
        Assert.Contains($"{c.PublishedOn:yyyy-MM-dd} 公示", row, StringComparison.Ordinal);
        Assert.Contains($"{(c.PublishedOn <= due ? "按期" : "逾期")}（7 个工作日内，{due:yyyy-MM-dd} 前）", row, StringComparison.Ordinal);
        Assert.DoesNotContain(c.ActCode, row, StringComparison.Ordinal);

        var search = await AnonymousHtmlAsync(app, $"/Disclosure/Decisions?q={Uri.EscapeDataString(unpublished.Number)}");
        Assert.Equal(0, Total(search));
        Assert.Equal(0, Total(await AnonymousHtmlAsync(app, $"/Disclosure/Decisions?unitId={other.Id}")));
    }

    [Fact]
    public async Task PersonParty_IsMasked_AndCannotBeFoundByName()
    {
        var c = (await PublishedPenaltiesAsync(3))[1];
        await app.Db(async db =>
        {
            var stored = await db.EnforcementCases.SingleAsync(x => x.Id == c.Id);
            (stored.PartyKind, stored.PartyName, stored.PartyUscc, stored.Title) = (PartyKind.Person, "欧阳小明", null, "欧阳小明无照经营案");
            return await db.SaveChangesAsync();
        });

        var html = await AnonymousHtmlAsync(app, $"/Disclosure/Decisions?q={Uri.EscapeDataString(c.Number)}");

        Assert.Equal(1, Total(html));
        Assert.Contains("当事人：欧某<", Row(html, c.Number), StringComparison.Ordinal);
        Assert.DoesNotContain("小明", html, StringComparison.Ordinal);
        Assert.Equal(0, Total(await AnonymousHtmlAsync(app, "/Disclosure/Decisions?q=" + Uri.EscapeDataString("欧阳小明"))));
    }

    [Fact]
    public async Task WithdrawnDecision_IsMarkedWithdrawn_WithDateAndReason_AndNoLongerShowsPartyOrAmounts()
    {
        var c = (await PublishedPenaltiesAsync(3))[2];
        var on = c.PublishedOn!.Value.AddDays(10);
        await app.Db(async db =>
        {
            var stored = await db.EnforcementCases.SingleAsync(x => x.Id == c.Id);
            (stored.DecisionRevokedOn, stored.WithdrawnOn, stored.WithdrawalReason) = (on, on, "行政复议决定撤销原处罚决定");
            return await db.SaveChangesAsync();
        });

        var row = Row(await AnonymousHtmlAsync(app, $"/Disclosure/Decisions?q={Uri.EscapeDataString(c.Number)}"), c.Number);

        Assert.Contains("data-testid=\"withdrawn\">已撤回", row, StringComparison.Ordinal);
        Assert.Contains($"{on:yyyy-MM-dd} 撤回公示。撤回理由：行政复议决定撤销原处罚决定", row, StringComparison.Ordinal);
        Assert.DoesNotContain(c.PartyName, row, StringComparison.Ordinal);
        Assert.DoesNotContain("罚款", row, StringComparison.Ordinal);
    }
}
