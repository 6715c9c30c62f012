using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Officers;

namespace Sunlight.Tests.Registry;

public sealed class OfficerApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitId(string code) => app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    [ScopeCovered("GET /api/v1/officers")]
    public async Task UnitStaff_ListsOnlyOwnUnitsOfficers()
    {
        using var client = await app.ClientFor("unit01");
        var own = await UnitId("U01");
        var page = await HttpAssert.Ok<Page<OfficerDto>>(await client.GetAsync("/api/v1/officers?limit=200"));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, o => Assert.Equal(own, o.UnitId));
        Assert.Equal(await app.Db(db => db.Officers.CountAsync(o => o.UnitId == own)), page.Items.Count);

        // Asking for another unit's officers by filter yields nothing, not an error that reveals them.
        var other = await UnitId("U02");
        var filtered = await HttpAssert.Ok<Page<OfficerDto>>(await client.GetAsync($"/api/v1/officers?unitId={other}"));
        Assert.Empty(filtered.Items);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/officers/{id:long}")]
    public async Task UnitStaff_GetsAnotherUnitsOfficer_As404()
    {
        using var client = await app.ClientFor("unit01");
        var foreign = await app.Db(async db => (await db.Officers.FirstAsync(o => o.Unit!.Code == "U02")).Id);
        var body = await HttpAssert.Problem(await client.GetAsync($"/api/v1/officers/{foreign}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain("U02", body.ToString(), StringComparison.Ordinal);

        var ownId = await app.Db(async db => (await db.Officers.FirstAsync(o => o.Unit!.Code == "U01")).Id);
        var own = await HttpAssert.Ok<OfficerDto>(await client.GetAsync($"/api/v1/officers/{ownId}"));
        Assert.Equal(ownId, own.Id);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/officers")]
    public async Task UnitStaff_CreatesOfficerInOwnUnit_ButNotInAnother()
    {
        using var client = await app.ClientFor("unit03");
        var own = await UnitId("U03");
        var input = new OfficerInput(own, "新同志", "执法队员", false, [new CredentialInput("T-U03-0001", "应急管理执法", new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31))]);
        var created = await HttpAssert.Ok<OfficerDto>(await client.PostJson("/api/v1/officers", input), HttpStatusCode.Created);
        Assert.True(created.QualifiedToday);
        var stored = await app.Db(db => db.Officers.Include(o => o.Credentials).SingleAsync(o => o.Id == created.Id));
        Assert.Equal(own, stored.UnitId);
        Assert.Equal("T-U03-0001", Assert.Single(stored.Credentials).Number);

        var foreign = input with { UnitId = await UnitId("U04"), Credentials = [] };
        await HttpAssert.Problem(await client.PostJson("/api/v1/officers", foreign), HttpStatusCode.NotFound);
        Assert.False(await app.Db(db => db.Officers.AnyAsync(o => o.Name == "新同志" && o.Unit!.Code == "U04")));
    }

    [Fact]
    public async Task Create_AuxiliaryWithCredential_IsRefused()
    {
        using var client = await app.ClientFor("supervisor");
        var input = new OfficerInput(await UnitId("U05"), "协管员甲", "协管员", true, [new CredentialInput("AUX-1", "住建执法", new DateOnly(2025, 1, 1), new DateOnly(2030, 1, 1))]);
        var body = await HttpAssert.Problem(await client.PostJson("/api/v1/officers", input), HttpStatusCode.BadRequest);
        Assert.Equal("辅助人员不得持有执法证", body.GetProperty("errors").GetProperty("credentials")[0].GetString());
        Assert.False(await app.Db(db => db.Officers.AnyAsync(o => o.Name == "协管员甲")));
    }

    [Fact]
    [ScopeCovered("PUT /api/v1/officers/{id:long}")]
    public async Task UnitStaff_UpdatesOwnOfficer_AnotherUnitsIs404()
    {
        using var client = await app.ClientFor("unit06");
        var own = await app.Db(db => db.Officers.Include(o => o.Credentials).AsNoTracking().FirstAsync(o => o.Unit!.Code == "U06" && !o.IsAuxiliary));
        var input = new OfficerInput(own.UnitId, own.Name, "执法中队长", false,
            own.Credentials.Select(c => new CredentialInput(c.Number, c.Category, c.ValidFrom, c.ValidTo)).ToList(), true, own.Version);
        var updated = await HttpAssert.Ok<OfficerDto>(await client.PutJson($"/api/v1/officers/{own.Id}", input));
        Assert.Equal("执法中队长", updated.Position);
        Assert.Equal("执法中队长", await app.Db(db => db.Officers.Where(o => o.Id == own.Id).Select(o => o.Position).SingleAsync()));

        var foreign = await app.Db(db => db.Officers.AsNoTracking().FirstAsync(o => o.Unit!.Code == "U07"));
        await HttpAssert.Problem(await client.PutJson($"/api/v1/officers/{foreign.Id}", input with { UnitId = foreign.UnitId, Credentials = [] }), HttpStatusCode.NotFound);
        Assert.Equal(foreign.Position, await app.Db(db => db.Officers.Where(o => o.Id == foreign.Id).Select(o => o.Position).SingleAsync()));
    }

    [Fact]
    public async Task ExpiredFilter_ReturnsOnlyOfficersWithoutAValidCredential()
    {
        using var client = await app.ClientFor("supervisor");
        var page = await HttpAssert.Ok<Page<OfficerDto>>(await client.GetAsync("/api/v1/officers?expired=true&limit=200"));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, o => { Assert.False(o.IsAuxiliary); Assert.False(o.QualifiedToday); });
    }

    [Fact]
    public async Task EnterpriseAccount_CannotListOfficers()
    {
        using var client = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await client.GetAsync("/api/v1/officers"), HttpStatusCode.Forbidden);
    }
}
