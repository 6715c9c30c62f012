using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.InspectionItems;

namespace Sunlight.Tests.Registry;

public sealed class InspectionItemApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitId(string code) => app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Create_NameAtColumnLength_Passes_OneMoreIs400_AndStoresNothing()
    {
        using var client = await app.ClientFor("unit03");
        var tooLong = new string('项', UnitItemColumns.NameLength + 1);
        var refused = await HttpAssert.Problem(await client.PostJson("/api/v1/inspection-items", new InspectionItemInput(await UnitId("U03"), "U03-JC-MAX", tooLong, "依据", null)), HttpStatusCode.BadRequest);
        Assert.Equal($"事项名称不能超过 {UnitItemColumns.NameLength} 个字", refused.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(0, await app.Db(db => db.Set<InspectionItem>().CountAsync(i => i.Code == "U03-JC-MAX")));
        var created = await client.PostJson("/api/v1/inspection-items", new InspectionItemInput(await UnitId("U03"), "U03-JC-MAX", tooLong[1..], "依据", null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspection-items")]
    public async Task List_UnitStaffSeesOnlyOwnUnit_SearchesByCode_EnterpriseRoleRefused()
    {
        using var client = await app.ClientFor("unit01");
        var own = await UnitId("U01");
        var page = await HttpAssert.Ok<Page<InspectionItemDto>>(await client.GetAsync("/api/v1/inspection-items?limit=200"));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Equal(own, i.UnitId));
        Assert.Equal(await app.Db(db => db.InspectionItems.CountAsync(i => i.UnitId == own)), page.Items.Count);

        var other = await UnitId("U02");
        Assert.Empty((await HttpAssert.Ok<Page<InspectionItemDto>>(await client.GetAsync($"/api/v1/inspection-items?unitId={other}"))).Items);

        using var supervisor = await app.ClientFor("supervisor");
        var found = await HttpAssert.Ok<Page<InspectionItemDto>>(await supervisor.GetAsync("/api/v1/inspection-items?q=U05-JC&limit=200"));
        Assert.NotEmpty(found.Items);
        Assert.All(found.Items, i => Assert.StartsWith("U05-JC", i.Code, StringComparison.Ordinal));

        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/inspection-items"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/inspection-items/{id:long}")]
    public async Task Get_AnotherUnitsItem_Is404_OwnIsReturned()
    {
        using var client = await app.ClientFor("unit01");
        var foreign = await app.Db(db => db.InspectionItems.Where(i => i.Unit!.Code == "U02").Select(i => i.Id).FirstAsync());
        await HttpAssert.Problem(await client.GetAsync($"/api/v1/inspection-items/{foreign}"), HttpStatusCode.NotFound);
        var own = await app.Db(db => db.InspectionItems.Where(i => i.Unit!.Code == "U01").FirstAsync());
        var dto = await HttpAssert.Ok<InspectionItemDto>(await client.GetAsync($"/api/v1/inspection-items/{own.Id}"));
        Assert.Equal((own.Code, own.Name), (dto.Code, dto.Name));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/inspection-items")]
    public async Task Create_InOwnUnit_Works_InAnotherUnitIs404_ObserverIs403()
    {
        using var client = await app.ClientFor("unit03");
        var input = new InspectionItemInput(await UnitId("U03"), "U03-JC-900", "安全培训开展情况检查", "《安全生产法》第 28 条", "现场检查");
        var created = await HttpAssert.Ok<InspectionItemDto>(await client.PostJson("/api/v1/inspection-items", input), HttpStatusCode.Created);
        var stored = await app.Db(db => db.InspectionItems.Include(i => i.Unit).SingleAsync(i => i.Id == created.Id));
        Assert.Equal(("U03", "U03-JC-900", "现场检查"), (stored.Unit!.Code, stored.Code, stored.Method));

        var dup = await HttpAssert.Problem(await client.PostJson("/api/v1/inspection-items", input), HttpStatusCode.Conflict);
        Assert.Equal(("G-CODE", "该单位已有相同编码的检查事项"), (dup.GetProperty("rule").GetString(), dup.GetProperty("detail").GetString()));

        await HttpAssert.Problem(await client.PostJson("/api/v1/inspection-items", input with { UnitId = await UnitId("U04"), Code = "U04-JC-900" }), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.InspectionItems.AnyAsync(i => i.Code == "U04-JC-900")));

        var invalid = await HttpAssert.Problem(await client.PostJson("/api/v1/inspection-items", input with { Code = "", LegalBasis = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("请填写事项编码", invalid.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal("请填写检查依据", invalid.GetProperty("errors").GetProperty("legalBasis")[0].GetString());

        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await observer.PostJson("/api/v1/inspection-items", input with { Code = "U03-JC-901" }), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.InspectionItems.AnyAsync(i => i.Code == "U03-JC-901")));
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/inspection-items/{id:long}")]
    public async Task Update_OwnItem_Works_AnotherUnitsIs404_StaleVersionIs409()
    {
        using var client = await app.ClientFor("unit06");
        var own = await app.Db(db => db.InspectionItems.AsNoTracking().FirstAsync(i => i.Unit!.Code == "U06"));
        var input = new InspectionItemInput(own.UnitId, own.Code, own.Name + "（修订）", own.LegalBasis, own.Method, own.Version);
        await HttpAssert.Ok<InspectionItemDto>(await client.PutJson($"/api/v1/inspection-items/{own.Id}", input));
        Assert.Equal(own.Name + "（修订）", await app.Db(db => db.InspectionItems.Where(i => i.Id == own.Id).Select(i => i.Name).SingleAsync()));

        var stale = await HttpAssert.Problem(await client.PutJson($"/api/v1/inspection-items/{own.Id}", input with { Name = "过期的修改" }), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());

        var foreign = await app.Db(db => db.InspectionItems.AsNoTracking().FirstAsync(i => i.Unit!.Code == "U07"));
        await HttpAssert.Problem(await client.PutJson($"/api/v1/inspection-items/{foreign.Id}", input with { UnitId = foreign.UnitId, Version = foreign.Version }), HttpStatusCode.NotFound);
        Assert.Equal(foreign.Name, await app.Db(db => db.InspectionItems.Where(i => i.Id == foreign.Id).Select(i => i.Name).SingleAsync()));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PutJson($"/api/v1/inspection-items/{own.Id}", input), HttpStatusCode.Forbidden);
    }
}
