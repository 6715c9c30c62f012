using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Categories;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Tests.Complaints;

/// <summary>投诉类别 (Features/Complaints/Categories, SaveComplaintCategory): limits, the code rule, the audit entry.</summary>
public sealed class CategoriesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task SaveCategory_NameAtColumn_IsStoredAndAudited_OneOver_Returns400()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var name = new string('类', ComplaintCategoryConfiguration.NameLength);
        var created = await HttpAssert.Ok<CategoryDto>(await supervisor.PostJson("/api/v1/complaint-categories", new { code = "long-name", name, sortOrder = 900 }), HttpStatusCode.Created);
        Assert.Equal(name, await app.Db(db => db.Set<ComplaintCategory>().Where(c => c.Id == created.Id).Select(c => c.Name).SingleAsync()));
        Assert.True(await app.Db(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(ComplaintCategory) && e.EntityId == created.Id.ToString() && e.Action == "Create")));

        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaint-categories",
            new { code = "too-long", name = name + "类", sortOrder = 901 }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.False(await app.Db(db => db.Set<ComplaintCategory>().AnyAsync(c => c.Code == "too-long")));
    }

    [Fact]
    public async Task SaveCategory_CodeTaken_Returns409_AndChangesNothing()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var existing = await app.Db(db => db.Set<ComplaintCategory>().OrderBy(c => c.Id).Select(c => c.Code).FirstAsync());
        var body = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaint-categories", new { code = existing, name = "重复编码", sortOrder = 1 }), HttpStatusCode.Conflict);
        Assert.Equal(SaveComplaintCategory.CodeTaken, body.GetProperty("rule").GetString());
        Assert.False(await app.Db(db => db.Set<ComplaintCategory>().AnyAsync(c => c.Name == "重复编码")));
    }
}
