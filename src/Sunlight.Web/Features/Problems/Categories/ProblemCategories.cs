using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Categories;

public sealed record CategoryInput(string Name, int SortOrder, bool IsActive = true, Guid? Version = null);

public sealed record CategoryDto(long Id, string Name, int SortOrder, bool IsActive, Guid Version)
{
    internal static CategoryDto From(ProblemCategory c) => new(c.Id, c.Name, c.SortOrder, c.IsActive, c.Version);
}

internal sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("类别名称不能为空").MaximumLength(50).WithMessage("类别名称不能超过 50 个字");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100000).WithMessage("排序号应在 0 到 100000 之间");
    }
}

/// <summary>The 问题类别 dictionary: Admin and Supervisors add, rename, reorder and retire entries.</summary>
public sealed class ProblemCategories(SunlightDbContext db, IValidator<CategoryInput> validator)
{
    public Task<List<ProblemCategory>> ListAsync(bool activeOnly, CancellationToken ct) =>
        db.Set<ProblemCategory>().AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    internal async Task<Outcome<ProblemCategory>> SaveAsync(long? id, CategoryInput input, CancellationToken ct)
    {
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return new Outcome<ProblemCategory>(null, check.ToDictionary());
        }
        var name = input.Name.Trim();
        if (await db.Set<ProblemCategory>().AnyAsync(c => c.Name == name && c.Id != id, ct))
        {
            return Outcome<ProblemCategory>.Invalid("name", $"类别“{name}”已存在");
        }
        ProblemCategory? category;
        if (id is null)
        {
            category = new ProblemCategory();
            db.Set<ProblemCategory>().Add(category);
        }
        else
        {
            category = await db.Set<ProblemCategory>().FirstOrDefaultAsync(c => c.Id == id, ct);
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
        return new Outcome<ProblemCategory>(category);
    }
}
