using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Categories;

/// <summary>A 问题类别 entry; <see cref="Id"/> 0 adds one, otherwise the entry with that id is changed.</summary>
internal sealed record CategoryInput(string? Name, int SortOrder, bool IsActive = true, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("类别名称", ProblemConfiguration.CategoryLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100000).WithMessage("排序号应在 0 到 100000 之间");
    }
}

/// <summary>Admin and Supervisors add, rename, reorder and retire 问题类别; a retired one is no longer offered.</summary>
internal sealed class SaveCategory(SunlightDbContext db, IValidator<CategoryInput> validator) : UseCase<CategoryInput, ProblemCategory>(validator)
{
    protected override async Task<Outcome<ProblemCategory>> HandleAsync(CategoryInput input, CancellationToken ct)
    {
        var name = input.Name!.Trim();
        if (await db.Set<ProblemCategory>().AnyAsync(c => c.Name == name && c.Id != input.Id, ct))
        {
            return Outcome<ProblemCategory>.Invalid("name", $"类别“{name}”已存在");
        }
        ProblemCategory? category;
        if (input.Id == 0)
        {
            category = new ProblemCategory();
            db.Set<ProblemCategory>().Add(category);
        }
        else
        {
            category = await db.Set<ProblemCategory>().FirstOrDefaultAsync(c => c.Id == input.Id, ct);
            if (category is null)
            {
                return Outcome<ProblemCategory>.Missing();
            }
            if (input.Version is { } v)
            {
                db.Entry(category).Property(x => x.Version).OriginalValue = v;
            }
        }
        category.Name = name;
        category.SortOrder = input.SortOrder;
        category.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        return category;
    }
}

internal static class CategoryEndpoints
{
    public static void MapCategories(this RouteGroupBuilder problems)
    {
        var c = problems.MapGroup("/categories");
        c.MapGet("/", async (bool? activeOnly, ProblemCategories categories, CancellationToken ct) =>
            TypedResults.Ok((await categories.ListAsync(activeOnly ?? false, ct)).Select(CategoryDto.From).ToList()))
            .WithSummary("问题类别字典");
        c.MapPost("/", (CategoryInput? input, SaveCategory save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = 0 }, ct)
                    .ToHttpAsync(saved => TypedResults.Created($"/api/v1/problems/categories/{saved.Id}", CategoryDto.From(saved)), "问题类别"))
            .RequireAuthorization(ProblemPolicies.Dictionary).WithSummary("新增问题类别");
        c.MapPut("/{id:long}", (long id, CategoryInput? input, SaveCategory save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(saved => TypedResults.Ok(CategoryDto.From(saved)), "问题类别"))
            .RequireAuthorization(ProblemPolicies.Dictionary).WithSummary("修改问题类别（停用后不再出现在选择列表中）");
    }
}
