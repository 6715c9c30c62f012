using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Enterprises;

namespace Sunlight.Tests.Registry;

public sealed class EnterpriseApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static string NewUscc() => Sunlight.Web.Features.Platform.Demo.DemoSeeder.MakeUscc(Random.Shared, "91");

    [Fact]
    [ScopeCovered("POST /api/v1/enterprises")]
    public async Task Create_ValidEnterprise_IsStoredWithRegionAndAudited()
    {
        using var client = await app.ClientFor("supervisor");
        var uscc = NewUscc();
        var created = await HttpAssert.Ok<EnterpriseDto>(
            await client.PostJson("/api/v1/enterprises", new EnterpriseInput(uscc.ToLowerInvariant(), "  青禾县测试机械有限公司 ", "城关镇 1 号", "制造", "张三", null)),
            HttpStatusCode.Created);

        var stored = await app.Db(db => db.Enterprises.SingleAsync(e => e.Id == created.Id));
        Assert.Equal(uscc, stored.Uscc); // normalised to upper case
        Assert.Equal("青禾县测试机械有限公司", stored.Name);
        Assert.Equal("359901", stored.RegionCode);
        var audit = await app.Db(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Enterprise) && a.EntityId == created.Id.ToString() && a.Action == "Create"));
        Assert.Equal("supervisor", audit.Actor);
        Assert.Contains(uscc, audit.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadCheckDigit_Returns400WithChineseFieldError_AndStoresNothing()
    {
        using var client = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.Enterprises.CountAsync());
        var response = await client.PostJson("/api/v1/enterprises", new EnterpriseInput("91350100M000100Y44", "某公司", null, null, null, null));
        var body = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("统一社会信用代码校验位错误", body.GetProperty("errors").GetProperty("uscc")[0].GetString());
        Assert.Equal(before, await app.Db(db => db.Enterprises.CountAsync()));
    }

    [Fact]
    public async Task Create_DuplicateUscc_Is409_G_USCC()
    {
        using var client = await app.ClientFor("supervisor");
        var existing = await app.Db(db => db.Enterprises.Select(e => e.Uscc).FirstAsync());
        var body = await HttpAssert.Problem(await client.PostJson("/api/v1/enterprises", new EnterpriseInput(existing, "重复公司", null, null, null, null)), HttpStatusCode.Conflict);
        Assert.Equal(("G-USCC", "该统一社会信用代码已登记"), (body.GetProperty("rule").GetString(), body.GetProperty("detail").GetString()));
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/enterprises/{id:long}")]
    public async Task Update_WithStaleVersion_Returns409_AndKeepsTheFirstEdit()
    {
        using var client = await app.ClientFor("supervisor");
        var e = await app.Db(db => db.Enterprises.AsNoTracking().OrderBy(x => x.Id).Skip(5).FirstAsync());
        var first = new EnterpriseInput(e.Uscc, e.Name + "（第一次修改）", e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.Version);
        var updated = await HttpAssert.Ok<EnterpriseDto>(await client.PutJson($"/api/v1/enterprises/{e.Id}", first));
        Assert.NotEqual(e.Version, updated.Version);

        var second = first with { Name = e.Name + "（第二次修改）" }; // still carries the old version
        var body = await HttpAssert.Problem(await client.PutJson($"/api/v1/enterprises/{e.Id}", second), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", body.GetProperty("rule").GetString());
        Assert.Equal(e.Name + "（第一次修改）", await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));
    }

    [Fact]
    public async Task Update_NameAtColumnLength_IsAuditedBeforeAndAfter_OneMoreIs400_AndChangesNothing()
    {
        using var client = await app.ClientFor("supervisor");
        var e = await app.Db(db => db.Enterprises.AsNoTracking().OrderBy(x => x.Id).Skip(7).FirstAsync());
        var tooLong = new string('企', EnterpriseConfiguration.NameLength + 1);
        var refused = await HttpAssert.Problem(await client.PutJson($"/api/v1/enterprises/{e.Id}",
            new EnterpriseInput(e.Uscc, tooLong, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.Version)), HttpStatusCode.BadRequest);
        Assert.Equal($"企业名称不能超过 {EnterpriseConfiguration.NameLength} 个字", refused.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(e.Name, await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));

        var name = tooLong[1..];
        await HttpAssert.Ok<EnterpriseDto>(await client.PutJson($"/api/v1/enterprises/{e.Id}",
            new EnterpriseInput(e.Uscc, name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.Version)));
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Enterprise) && a.EntityId == e.Id.ToString() && a.Action == "Update"));
        Assert.Contains(e.Name, entry.Before, StringComparison.Ordinal);
        Assert.Contains(name, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ByObserver_Returns403()
    {
        using var client = await app.ClientFor("observer");
        var e = await app.Db(db => db.Enterprises.AsNoTracking().FirstAsync());
        await HttpAssert.Problem(await client.PutJson($"/api/v1/enterprises/{e.Id}", new EnterpriseInput(e.Uscc, "观察员改名", null, null, null, null)), HttpStatusCode.Forbidden);
        Assert.Equal(e.Name, await app.Db(db => db.Enterprises.Where(x => x.Id == e.Id).Select(x => x.Name).SingleAsync()));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/enterprises")]
    public async Task List_FiltersByIndustryAndSearch_AndPagesByKeyset()
    {
        using var client = await app.ClientFor("inspector");
        var expected = await app.Db(db => db.Enterprises.Where(e => e.Industry == "餐饮").OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        var seen = new List<long>();
        long? cursor = null;
        do
        {
            var page = await HttpAssert.Ok<Page<EnterpriseDto>>(await client.GetAsync($"/api/v1/enterprises?industry=餐饮&limit=7{(cursor is null ? "" : $"&after={cursor}")}"));
            Assert.All(page.Items, e => Assert.Equal("餐饮", e.Industry));
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(expected, seen);
        Assert.True(expected.Count > 7);

        var name = await app.Db(db => db.Enterprises.Select(e => e.Name).FirstAsync());
        var found = await HttpAssert.Ok<Page<EnterpriseDto>>(await client.GetAsync($"/api/v1/enterprises?q={Uri.EscapeDataString(name)}"));
        Assert.Contains(found.Items, i => i.Name == name);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/enterprises")]
    [ScopeCovered("GET /api/v1/enterprises/{id:long}")]
    public async Task EnterpriseAccount_SeesOnlyItsOwnEnterprise()
    {
        using var client = await app.ClientFor("enterprise");
        var own = await app.Db(db => db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc).SingleAsync());
        var page = await HttpAssert.Ok<Page<EnterpriseDto>>(await client.GetAsync("/api/v1/enterprises"));
        Assert.Equal(own, Assert.Single(page.Items).Uscc);

        var other = await app.Db(db => db.Enterprises.FirstAsync(e => e.Uscc != own));
        await HttpAssert.Problem(await client.GetAsync($"/api/v1/enterprises/{other.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.PostJson("/api/v1/enterprises", new EnterpriseInput(NewUscc(), "企业自建", null, null, null, null)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_GetsChinese401()
    {
        using var client = app.CreateClient();
        var body = await HttpAssert.Problem(await client.GetAsync("/api/v1/enterprises"), HttpStatusCode.Unauthorized);
        Assert.Equal("未登录或登录已过期", body.GetProperty("title").GetString());
    }
}
