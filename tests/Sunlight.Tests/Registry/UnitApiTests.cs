using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Units;

using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Registry;

public sealed class UnitApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/units")]
    public async Task List_Supervisor_SeesAll22UnitsAndTheBureau_UnitStaffOnlyItsOwn()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var all = (await HttpAssert.Ok<Page<UnitDto>>(await supervisor.GetAsync("/api/v1/units"))).Items;
        // Other tests in this class may add units; the 22 seeded ones must all be there.
        Assert.Equal(Enumerable.Range(1, 22).Select(i => $"U{i:00}"), all.Where(u => u.Code.Length == 3 && string.CompareOrdinal(u.Code, "U22") <= 0 && u.Code.StartsWith('U')).Select(u => u.Code).Order());
        Assert.Equal(await app.Db(db => db.Units.CountAsync()), all.Count);
        Assert.Single(all, u => u.Kind == UnitKind.Supervisor);

        using var unit = await app.ClientFor("unit05");
        var own = (await HttpAssert.Ok<Page<UnitDto>>(await unit.GetAsync("/api/v1/units"))).Items;
        Assert.Equal("U05", Assert.Single(own).Code);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/units/{id:long}")]
    public async Task Get_AnotherUnit_AsUnitStaff_Is404()
    {
        using var client = await app.ClientFor("unit05");
        var other = await app.Db(db => db.Units.SingleAsync(u => u.Code == "U09"));
        await HttpAssert.Problem(await client.GetAsync($"/api/v1/units/{other.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/units")]
    public async Task Create_BySupervisor_Works_ByUnitStaff_IsForbidden()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var created = await HttpAssert.Ok<UnitDto>(await supervisor.PostJson("/api/v1/units", new UnitInput("U23", "青禾县气象局", UnitKind.Enforcement, null, null, null, "李四")), HttpStatusCode.Created);
        Assert.Equal("青禾县气象局", await app.Db(db => db.Units.Where(u => u.Id == created.Id).Select(u => u.Name).SingleAsync()));

        var dup = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/units", new UnitInput("U23", "重复", UnitKind.Enforcement, null, null, null, null)), HttpStatusCode.Conflict);
        Assert.Equal(("G-CODE", "单位编码已被使用"), (dup.GetProperty("rule").GetString(), dup.GetProperty("detail").GetString()));

        using var staff = await app.ClientFor("unit01");
        await HttpAssert.Problem(await staff.PostJson("/api/v1/units", new UnitInput("U24", "越权单位", UnitKind.Enforcement, null, null, null, null)), HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.Units.AnyAsync(u => u.Code == "U24")));
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/units/{id:long}")]
    public async Task Update_BySupervisor_ChangesRow_UnitStaffForbidden()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var u = await app.Db(db => db.Units.AsNoTracking().SingleAsync(x => x.Code == "U10"));
        var input = new UnitInput(u.Code, u.Name, u.Kind, u.Uscc, u.Address, "0599-1111111", u.Head, true, u.Version);
        await HttpAssert.Ok<UnitDto>(await supervisor.PutJson($"/api/v1/units/{u.Id}", input));
        Assert.Equal("0599-1111111", await app.Db(db => db.Units.Where(x => x.Id == u.Id).Select(x => x.Phone).SingleAsync()));

        using var staff = await app.ClientFor("unit10");
        await HttpAssert.Problem(await staff.PutJson($"/api/v1/units/{u.Id}", input with { Phone = "1" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_InvalidInput_ReturnsChineseErrors()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/units", new UnitInput("", "", UnitKind.Enforcement, "123", null, null, null)), HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.Equal("请填写单位编码", errors.GetProperty("code")[0].GetString());
        Assert.Equal("请填写单位名称", errors.GetProperty("name")[0].GetString());
        Assert.Equal("统一社会信用代码应为 18 位", errors.GetProperty("uscc")[0].GetString());
    }
}
