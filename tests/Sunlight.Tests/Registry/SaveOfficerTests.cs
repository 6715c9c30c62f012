using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Registry.Officers;

namespace Sunlight.Tests.Registry;

/// <summary>新增/修改执法人员 (Features/Registry/Officers, SaveOfficer): column limits, G-CREDENTIAL, the audit entry.</summary>
public sealed class SaveOfficerTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private Task<long> UnitId(string code) => app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Create_NameAndCredentialAtColumnLength_IsStored_AndAudited()
    {
        using var client = await app.ClientFor("unit03");
        var number = new string('9', CredentialConfiguration.NumberLength);
        var input = new OfficerInput(await UnitId("U03"), new string('张', RegistryColumns.PersonLength), new string('员', RegistryColumns.PersonLength), false,
            [new CredentialInput(number, new string('类', CredentialConfiguration.CategoryLength), new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31))]);
        var created = await HttpAssert.Ok<OfficerDto>(await client.PostJson("/api/v1/officers", input), HttpStatusCode.Created);
        var stored = await app.Db(db => db.Officers.AsNoTracking().Include(o => o.Credentials).SingleAsync(o => o.Id == created.Id));
        Assert.Equal((input.Name, number), (stored.Name, Assert.Single(stored.Credentials).Number));
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(Officer) && a.EntityId == created.Id.ToString() && a.Action == "Create"));
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(input.Name, after.RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Create_NameOneOverColumnLength_Is400_AndStoresNothing()
    {
        using var client = await app.ClientFor("unit03");
        var name = new string('李', RegistryColumns.PersonLength + 1);
        var body = await HttpAssert.Problem(await client.PostJson("/api/v1/officers", new OfficerInput(await UnitId("U03"), name, null, true, null)), HttpStatusCode.BadRequest);
        Assert.Equal($"姓名不能超过 {RegistryColumns.PersonLength} 个字", body.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.False(await app.Db(db => db.Officers.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task Create_WithAnotherOfficersCredential_Is409_G_CREDENTIAL_AndStoresNothing()
    {
        var taken = await app.Db(db => db.Credentials.Select(c => c.Number).FirstAsync());
        using var supervisor = await app.ClientFor("supervisor");
        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/officers", new OfficerInput(await UnitId("U03"), "证号冲突者", null, false,
            [new CredentialInput(taken, "应急管理执法", new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31))])), HttpStatusCode.Conflict);
        Assert.Equal((SaveOfficer.CredentialRule, SaveOfficer.CredentialTaken), (body.GetProperty("rule").GetString(), body.GetProperty("detail").GetString()));
        Assert.False(await app.Db(db => db.Officers.AnyAsync(o => o.Name == "证号冲突者")));
    }
}
