using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.EnforcementItems;

namespace Sunlight.Tests.Registry;

public sealed class EnforcementItemApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitId(string code) => app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Create_NameAtColumnLength_Passes_OneMoreIs400_AndStoresNothing()
    {
        using var client = await app.ClientFor("unit03");
        var tooLong = new string('项', UnitItemColumns.NameLength + 1);
        var refused = await HttpAssert.Problem(await client.PostJson("/api/v1/enforcement-items", new EnforcementItemInput(await UnitId("U03"), "U03-CF-MAX", tooLong, EnforcementKind.Penalty, "依据")), HttpStatusCode.BadRequest);
        Assert.Equal($"事项名称不能超过 {UnitItemColumns.NameLength} 个字", refused.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(0, await app.Db(db => db.Set<EnforcementItem>().CountAsync(i => i.Code == "U03-CF-MAX")));
        var created = await client.PostJson("/api/v1/enforcement-items", new EnforcementItemInput(await UnitId("U03"), "U03-CF-MAX", tooLong[1..], EnforcementKind.Penalty, "依据"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/enforcement-items")]
    public async Task List_UnitStaffSeesOnlyOwnUnit_FiltersByKind_EnterpriseRoleRefused()
    {
        using var client = await app.ClientFor("unit01");
        var own = await UnitId("U01");
        var page = await HttpAssert.Ok<Page<EnforcementItemDto>>(await client.GetAsync("/api/v1/enforcement-items?limit=200"));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Equal(own, i.UnitId));
        Assert.Equal(await app.Db(db => db.EnforcementItems.CountAsync(i => i.UnitId == own)), page.Items.Count);

        var other = await UnitId("U02");
        Assert.Empty((await HttpAssert.Ok<Page<EnforcementItemDto>>(await client.GetAsync($"/api/v1/enforcement-items?unitId={other}"))).Items);

        using var supervisor = await app.ClientFor("supervisor");
        var coercion = await HttpAssert.Ok<Page<EnforcementItemDto>>(await supervisor.GetAsync("/api/v1/enforcement-items?kind=Coercion&limit=200"));
        Assert.Equal(await app.Db(db => db.EnforcementItems.CountAsync(i => i.Kind == EnforcementKind.Coercion)), coercion.Items.Count);
        Assert.All(coercion.Items, i => Assert.Equal(EnforcementKind.Coercion, i.Kind));

        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/enforcement-items"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/enforcement-items/{id:long}")]
    public async Task Get_AnotherUnitsItem_Is404_OwnIsReturned()
    {
        using var client = await app.ClientFor("unit01");
        var foreign = await app.Db(db => db.EnforcementItems.Where(i => i.Unit!.Code == "U02").Select(i => i.Id).FirstAsync());
        await HttpAssert.Problem(await client.GetAsync($"/api/v1/enforcement-items/{foreign}"), HttpStatusCode.NotFound);
        var own = await app.Db(db => db.EnforcementItems.Where(i => i.Unit!.Code == "U01").FirstAsync());
        var dto = await HttpAssert.Ok<EnforcementItemDto>(await client.GetAsync($"/api/v1/enforcement-items/{own.Id}"));
        Assert.Equal((own.Code, own.Name), (dto.Code, dto.Name));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/enforcement-items")]
    public async Task Create_InOwnUnit_Works_InAnotherUnitIs404_ObserverIs403()
    {
        using var client = await app.ClientFor("unit03");
        var input = new EnforcementItemInput(await UnitId("U03"), "U03-CF-900", "对未按规定开展安全培训的处罚", EnforcementKind.Penalty, "《安全生产法》第 97 条");
        var created = await HttpAssert.Ok<EnforcementItemDto>(await client.PostJson("/api/v1/enforcement-items", input), HttpStatusCode.Created);
        var stored = await app.Db(db => db.EnforcementItems.Include(i => i.Unit).SingleAsync(i => i.Id == created.Id));
        Assert.Equal(("U03", "U03-CF-900", EnforcementKind.Penalty), (stored.Unit!.Code, stored.Code, stored.Kind));

        var dup = await HttpAssert.Problem(await client.PostJson("/api/v1/enforcement-items", input), HttpStatusCode.Conflict);
        Assert.Equal(("G-CODE", "该单位已有相同编码的执法事项"), (dup.GetProperty("rule").GetString(), dup.GetProperty("detail").GetString()));

        await HttpAssert.Problem(await client.PostJson("/api/v1/enforcement-items", input with { UnitId = await UnitId("U04"), Code = "U04-CF-900" }), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.EnforcementItems.AnyAsync(i => i.Code == "U04-CF-900")));

        var invalid = await HttpAssert.Problem(await client.PostJson("/api/v1/enforcement-items", input with { Code = "", LegalBasis = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写事项编码", invalid.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal("请填写法律依据", invalid.GetProperty("errors").GetProperty("legalBasis")[0].GetString());

        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostJson("/api/v1/enforcement-items", input with { Code = "U03-CF-901" }), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.EnforcementItems.AnyAsync(i => i.Code == "U03-CF-901")));
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/enforcement-items/{id:long}")]
    public async Task Update_OwnItem_Works_AnotherUnitsIs404_StaleVersionIs409()
    {
        using var client = await app.ClientFor("unit06");
        var own = await app.Db(db => db.EnforcementItems.AsNoTracking().FirstAsync(i => i.Unit!.Code == "U06"));
        var input = new EnforcementItemInput(own.UnitId, own.Code, own.Name + "（修订）", own.Kind, own.LegalBasis, own.Version);
        await HttpAssert.Ok<EnforcementItemDto>(await client.PutJson($"/api/v1/enforcement-items/{own.Id}", input));
        Assert.Equal(own.Name + "（修订）", await app.Db(db => db.EnforcementItems.Where(i => i.Id == own.Id).Select(i => i.Name).SingleAsync()));

        var stale = await HttpAssert.Problem(await client.PutJson($"/api/v1/enforcement-items/{own.Id}", input with { Name = "过期的修改" }), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());

        var foreign = await app.Db(db => db.EnforcementItems.AsNoTracking().FirstAsync(i => i.Unit!.Code == "U07"));
        await HttpAssert.Problem(await client.PutJson($"/api/v1/enforcement-items/{foreign.Id}", input with { UnitId = foreign.UnitId, Version = foreign.Version }), HttpStatusCode.NotFound);
        Assert.Equal(foreign.Name, await app.Db(db => db.EnforcementItems.Where(i => i.Id == foreign.Id).Select(i => i.Name).SingleAsync()));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PutJson($"/api/v1/enforcement-items/{own.Id}", input), HttpStatusCode.Forbidden);
    }
}
