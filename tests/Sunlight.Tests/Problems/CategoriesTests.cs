using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Categories;

namespace Sunlight.Tests.Problems;

/// <summary>问题类别 save (Features/Problems/Categories): who may edit, duplicates, retiring, limits and the audit entry.</summary>
public sealed class CategoriesTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/problems/categories")]
    [ScopeCovered("POST /api/v1/problems/categories")]
    [ScopeCovered("PUT /api/v1/problems/categories/{id:long}")]
    public async Task Categories_SeededAndEditableBySupervisor_NotByUnitStaff()
    {
        using var unit01 = await app.ClientFor("unit01");
        var list = await HttpAssert.Ok<List<CategoryDto>>(await unit01.GetAsync("/api/v1/problems/categories"));
        Assert.Contains(list, c => c.Name == "三项制度落实");
        Assert.Contains(list, c => c.Name == "检查过多/多头检查");
        await HttpAssert.Problem(await unit01.PostJson("/api/v1/problems/categories", new CategoryInput("单位自建", 5)), HttpStatusCode.Forbidden);

        using var supervisor = await app.ClientFor("supervisor");
        var created = await HttpAssert.Ok<CategoryDto>(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput("趋利性执法", 95)), HttpStatusCode.Created);
        Assert.True(created.Id > ProblemNames.DefaultCategories.Length);
        var dup = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput("趋利性执法", 96)), HttpStatusCode.BadRequest);
        Assert.Equal("类别“趋利性执法”已存在", dup.GetProperty("errors").GetProperty("name")[0].GetString());
        await HttpAssert.Problem(await unit01.PutJson($"/api/v1/problems/categories/{created.Id}", new CategoryInput("改名", 1, true, created.Version)), HttpStatusCode.Forbidden);
        var retired = await HttpAssert.Ok<CategoryDto>(await supervisor.PutJson($"/api/v1/problems/categories/{created.Id}", new CategoryInput("趋利性执法", 95, false, created.Version)));
        Assert.False(retired.IsActive);
        Assert.False(await app.Db(db => db.Set<ProblemCategory>().Where(c => c.Id == created.Id).Select(c => c.IsActive).SingleAsync()));
        await HttpAssert.Problem(await supervisor.PutJson("/api/v1/problems/categories/999999", new CategoryInput("无", 1)), HttpStatusCode.NotFound);
        var active = await HttpAssert.Ok<List<CategoryDto>>(await supervisor.GetAsync("/api/v1/problems/categories?activeOnly=true"));
        Assert.DoesNotContain(active, c => c.Name == "趋利性执法");
    }

    [Fact]
    public async Task Category_NameOfColumnLength_Passes_OneMoreIs400_AndNothingStored_Audited()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var name = new string('类', ProblemConfiguration.CategoryLength);
        var created = await HttpAssert.Ok<CategoryDto>(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput(name, 1)), HttpStatusCode.Created);
        Assert.Equal(name, await app.Db(db => db.Set<ProblemCategory>().Where(c => c.Id == created.Id).Select(c => c.Name).SingleAsync()));
        var key = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ProblemCategory) && e.EntityId == key && e.Action == "Create" && e.After!.Contains(name))));

        var tooLong = new string('长', ProblemConfiguration.CategoryLength + 1);
        var bad = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput(tooLong, 1)), HttpStatusCode.BadRequest);
        Assert.Equal($"类别名称不能超过 {ProblemConfiguration.CategoryLength} 个字", bad.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.False(await app.Db(db => db.Set<ProblemCategory>().AnyAsync(c => c.Name == tooLong)));
    }
}
