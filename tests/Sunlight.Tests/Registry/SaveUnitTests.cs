using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Units;

namespace Sunlight.Tests.Registry;

/// <summary>新增/修改执法单位 (Features/Registry/Units, SaveUnit): column limits, G-CODE, the audit entry, a null body.</summary>
public sealed class SaveUnitTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Create_WithEveryTextAtColumnLength_IsStored_AndUpdateIsAuditedBeforeAndAfter()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var name = new string('局', EnforcementUnitConfiguration.NameLength);
        var input = new UnitInput(new string('Z', EnforcementUnitConfiguration.CodeLength), name, UnitKind.Enforcement, null,
            new string('路', RegistryColumns.AddressLength), new string('1', RegistryColumns.PhoneLength), new string('王', RegistryColumns.PersonLength));
        var created = await HttpAssert.Ok<UnitDto>(await supervisor.PostJson("/api/v1/units", input), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == created.Id));
        Assert.Equal((name, input.Address, input.Head), (stored.Name, stored.Address, stored.Head));

        var updated = await HttpAssert.Ok<UnitDto>(await supervisor.PutJson($"/api/v1/units/{created.Id}", input with { Name = "青禾县新单位", IsActive = false, Version = created.Version }));
        Assert.False(updated.IsActive);
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(EnforcementUnit) && a.EntityId == created.Id.ToString() && a.Action == "Update"));
        Assert.Equal("supervisor", entry.Actor);
        using var before = JsonDocument.Parse(entry.Before!);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(name, before.RootElement.GetProperty("Name").GetString());
        Assert.Equal("青禾县新单位", after.RootElement.GetProperty("Name").GetString());
        Assert.False(after.RootElement.GetProperty("IsActive").GetBoolean());
    }

    [Theory]
    [InlineData("code")]
    [InlineData("name")]
    [InlineData("address")]
    [InlineData("phone")]
    [InlineData("head")]
    public async Task Create_OneOverColumnLength_Is400WithTheField_AndStoresNothing(string field)
    {
        using var supervisor = await app.ClientFor("supervisor");
        var input = new UnitInput("U-MAX-" + field, "超长测试单位", UnitKind.Enforcement, null, null, null, null);
        input = field switch
        {
            "code" => input with { Code = new string('Z', EnforcementUnitConfiguration.CodeLength + 1) },
            "name" => input with { Name = new string('局', EnforcementUnitConfiguration.NameLength + 1) },
            "address" => input with { Address = new string('路', RegistryColumns.AddressLength + 1) },
            "phone" => input with { Phone = new string('1', RegistryColumns.PhoneLength + 1) },
            _ => input with { Head = new string('王', RegistryColumns.PersonLength + 1) },
        };
        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/units", input), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Units.AnyAsync(u => u.Code == input.Code || u.Name == input.Name)));
    }

    [Fact]
    public async Task Update_ToAnotherUnitsCode_Is409_G_CODE_AndChangesNothing()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var u05 = await app.Db(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == "U05"));
        var body = await HttpAssert.Problem(await supervisor.PutJson($"/api/v1/units/{u05.Id}",
            new UnitInput("U06", u05.Name, u05.Kind, u05.Uscc, u05.Address, u05.Phone, u05.Head, u05.IsActive, u05.Version)), HttpStatusCode.Conflict);
        Assert.Equal(SaveUnit.CodeRule, body.GetProperty("rule").GetString());
        Assert.Equal("U05", await app.Db(db => db.Units.Where(u => u.Id == u05.Id).Select(u => u.Code).SingleAsync()));
    }

    [Fact]
    public async Task Create_WithoutBody_Is400()
    {
        using var supervisor = await app.ClientFor("supervisor");
        using var empty = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/units", empty), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_IsPagedByKeyset_WithTheTotal()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var first = await HttpAssert.Ok<Sunlight.Web.Infrastructure.Api.Page<UnitDto>>(await supervisor.GetAsync("/api/v1/units?limit=5"));
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(await app.Db(db => db.Units.CountAsync()), first.Total);
        var second = await HttpAssert.Ok<Sunlight.Web.Infrastructure.Api.Page<UnitDto>>(await supervisor.GetAsync($"/api/v1/units?limit=5&after={first.NextCursor}"));
        Assert.True(second.Items[0].Id > first.Items[^1].Id);
    }
}
