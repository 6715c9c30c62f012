using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Inspections;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Features.Leniency.RequestGuidance;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// An Enterprise account's scope (the enterprise query filter in SunlightDbContext over every <see cref="IEnterpriseLinked"/>
/// row): it sees the rows about its own enterprise and never another enterprise's, in every set and every API and page it reaches.
/// </summary>
public sealed class EnterpriseScopeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly Type[] Linked =
    [
        typeof(Inspection), typeof(JointInspection), typeof(QuietListEntry), typeof(InspectionRating), typeof(EnterpriseDoorCode),
        typeof(Complaint), typeof(EnforcementCase), typeof(ExemptionCase), typeof(GuidanceRecord), typeof(GuidanceRequest),
    ];

    private Task<string> OwnUsccAsync() => app.Db(db => db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc!).SingleAsync());

    /// <summary>The enterprise of every row of <typeparamref name="T"/>: all of them (no scope) and as the enterprise account sees them.</summary>
    private async Task<(List<string> All, List<string> AsEnterprise)> EnterprisesOfAsync<T>() where T : class, IEnterpriseLinked
    {
        var property = typeof(T).GetProperty(T.EnterpriseKey)!;
        List<string> Keys(IEnumerable<T> rows) => rows.Select(r => Convert.ToString(property.GetValue(r), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        var all = await app.Db(async db => Keys(await db.Set<T>().AsNoTracking().ToListAsync()));
        var seen = await app.DbAs("enterprise", async db => Keys(await db.Set<T>().AsNoTracking().ToListAsync()));
        return (all, seen);
    }

    [Fact]
    public async Task EveryEnterpriseLinkedSet_ShowsTheEnterpriseAccountItsOwnRowsOnly()
    {
        var model = await app.Db(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IEnterpriseLinked).IsAssignableFrom).ToList()));
        Assert.Equal(Linked.Select(t => t.Name).Order(), model.Select(t => t.Name).Order());

        // Rows about another enterprise in sets the demo county leaves to one enterprise only.
        var other = await QuietEnterpriseId(app, 3);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Ok<JsonElement>(await supervisor.PostJson("/api/v1/inspections/door-codes", new { enterpriseId = other }), System.Net.HttpStatusCode.Created);
        // The demo county holds no guidance requests (other tests of the run may or may not have added some): one from
        // another enterprise, through the public form's own step, so the check below never depends on test order.
        var (unitId, otherUscc) = await app.Db(async db => (
            await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            await db.Enterprises.Where(e => e.Id == other).Select(e => e.Uscc).SingleAsync()));
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<GuidanceRequests>().CreateAsync(unitId, otherUscc, "其他企业", "13800000000", "用地手续如何合规办理", default);
            Assert.True(created.Succeeded);
        }

        var uscc = await OwnUsccAsync();
        var id = (await DemoEnterpriseId(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var method = typeof(EnterpriseScopeTests).GetMethod(nameof(EnterprisesOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var type in Linked)
        {
            var (all, seen) = await (Task<(List<string>, List<string>)>)method.MakeGenericMethod(type).Invoke(this, null)!;
            var own = all.Any(k => k == uscc) ? uscc : id;
            Assert.True(all.Any(k => k != own), $"{type.Name}: the demo county should hold rows about other enterprises");
            Assert.All(seen, k => Assert.Equal(own, k));
            Assert.Equal(all.Count(k => k == own), seen.Count);
        }
    }

    [Fact]
    public async Task Mine_ApiAndPage_ShowOwnInspectionsNeverAnotherEnterprises()
    {
        var own = await DemoEnterpriseId(app);
        var other = await QuietEnterpriseId(app, 5);
        var ownCode = (await ApproveAsync(app, "unit04", (await RegisterAsync(app, "unit04", own, Today(app).AddDays(3), type: "CaseDriven", confirm: true)).Id)).Code!;
        var otherCode = (await ApproveAsync(app, "unit04", (await RegisterAsync(app, "unit04", other, Today(app).AddDays(3), type: "CaseDriven", confirm: true)).Id)).Code!;

        using var company = await app.ClientFor("enterprise");
        var mine = await HttpAssert.Ok<JsonElement>(await company.GetAsync("/api/v1/inspections/mine?limit=200"));
        var codes = mine.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains(ownCode, codes);
        Assert.DoesNotContain(otherCode, codes);
        Assert.All(mine.GetProperty("inspections").EnumerateArray(), i => Assert.Equal(own, i.GetProperty("enterpriseId").GetInt64()));

        using var session = await PageSession.SignInAsync(app, "enterprise");
        var html = await session.GetHtmlAsync("/Inspections/Mine");
        Assert.Contains(ownCode, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCode, html, StringComparison.Ordinal);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/leniency/guidance/requests")]
    public async Task GuidanceRequests_ApiAndWorkHome_ShowOwnRequestsNeverAnotherEnterprises()
    {
        var uscc = await OwnUsccAsync();
        var unitId = await UnitId(app, "unit04");
        var other = await app.Db(db => db.Enterprises.Where(e => e.Uscc != uscc).OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name }).FirstAsync());
        var matter = "其他企业的行政指导申请（范围测试）";
        await app.Db(async db =>
        {
            db.Add(new GuidanceRequest
            {
                RegionCode = "359901", UnitId = unitId, Uscc = other.Uscc, EnterpriseName = other.Name, Contact = "李经理 13900000000", Matter = matter,
                SubmittedAt = app.Clock.GetUtcNow(), DueOn = Today(app).AddDays(7), State = RequestState.Open,
            });
            return await db.SaveChangesAsync();
        });

        using var company = await app.ClientFor("enterprise");
        var page = await HttpAssert.Ok<JsonElement>(await company.GetAsync("/api/v1/leniency/guidance/requests?limit=200"));
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(uscc, r.GetProperty("uscc").GetString()));
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("matter").GetString() == matter);
        using var supervisor = await app.ClientFor("supervisor");
        var county = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync("/api/v1/leniency/guidance/requests?limit=200"));
        Assert.Contains(county.GetProperty("items").EnumerateArray(), r => r.GetProperty("matter").GetString() == matter);

        using var session = await PageSession.SignInAsync(app, "enterprise");
        Assert.DoesNotContain(matter, await session.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkHome_ListsComplaintsNamingTheEnterprise_NeverThoseNamingAnother()
    {
        var uscc = await OwnUsccAsync();
        var complaints = await app.Db(db => db.Set<Complaint>().AsNoTracking().Where(c => c.EnterpriseUscc != null).Select(c => new { c.TrackingCode, c.EnterpriseUscc }).ToListAsync());
        var own = complaints.Where(c => c.EnterpriseUscc == uscc).Select(c => c.TrackingCode).ToList();
        var others = complaints.Where(c => c.EnterpriseUscc != uscc).Select(c => c.TrackingCode).ToList();
        Assert.NotEmpty(own);
        Assert.NotEmpty(others);

        using var session = await PageSession.SignInAsync(app, "enterprise");
        var shown = Regex.Matches(await session.GetHtmlAsync("/"), "<li class=\"list-group-item[^\"]*\" data-testid=\"work-item\">(.*?)</li>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(shown, item => own.Any(code => item.Contains(code, StringComparison.Ordinal)));
        Assert.DoesNotContain(shown, item => others.Any(code => item.Contains(code, StringComparison.Ordinal)));
    }
}
