using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Categories;

internal sealed record CategoryDto(long Id, string Code, string Name, string? Description, int SortOrder, bool IsActive);

internal sealed record CategoryInput(string? Code, string? Name, string? Description, int SortOrder, bool IsActive = true)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator()
    {
        RuleFor(x => x.Code).RequiredText("类别编码", ComplaintCategoryConfiguration.CodeLength)
            .Matches("^[a-z0-9-]+$").WithMessage("类别编码只能包含小写字母、数字和连字符");
        RuleFor(x => x.Name).RequiredText("类别名称", ComplaintCategoryConfiguration.NameLength);
        RuleFor(x => x.Description).OptionalText("说明", ComplaintCategoryConfiguration.DescriptionLength);
    }
}

/// <summary>新增或修改投诉类别 (Id 0 = new); a code already used is refused as C-CATEGORY-CODE.</summary>
internal sealed class SaveComplaintCategory(SunlightDbContext db, ActiveCategories active, IValidator<CategoryInput> validator)
    : UseCase<CategoryInput, ComplaintCategory>(validator)
{
    public const string CodeTaken = "C-CATEGORY-CODE";

    protected override async Task<Outcome<ComplaintCategory>> HandleAsync(CategoryInput input, CancellationToken ct)
    {
        var set = db.Set<ComplaintCategory>();
        var c = input.Id == 0 ? null : await set.FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (input.Id != 0 && c is null)
        {
            return Outcome<ComplaintCategory>.Missing();
        }
        if (await set.AnyAsync(x => x.Code == input.Code && x.Id != input.Id, ct))
        {
            return Outcome<ComplaintCategory>.Refused(CodeTaken, "类别编码已存在。");
        }
        if (c is null)
        {
            c = new ComplaintCategory { Id = (await set.MaxAsync(x => (long?)x.Id, ct) ?? 0) + 1 };
            set.Add(c);
        }
        (c.Code, c.Name, c.Description, c.SortOrder, c.IsActive) = (input.Code!, input.Name!.Trim(), input.Description, input.SortOrder, input.IsActive);
        await db.SaveChangesAsync(ct);
        active.Invalidate();
        return c;
    }
}

/// <summary>投诉类别: the taxonomy dictionary. Everyone may read it (the public form needs it); Supervisors and Admins edit it.</summary>
internal static class CategoryEndpoints
{
    public static void MapComplaintCategories(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/complaint-categories").WithTags("投诉举报");
        g.MapGet("/", async (SunlightDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<ComplaintCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder)
                .Select(c => new CategoryDto(c.Id, c.Code, c.Name, c.Description, c.SortOrder, c.IsActive)).ToListAsync(ct)))
            .AllowAnonymous().WithSummary("投诉类别（公开）");

        g.MapPost("/", (CategoryInput? input, SaveComplaintCategory save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = 0 }, ct)
                    .ToHttpAsync(c => TypedResults.Created($"/api/v1/complaint-categories/{c.Id}", Dto(c)), "投诉类别"))
            .RequireAuthorization(ComplaintPolicies.EditDictionary).WithSummary("新增投诉类别");

        g.MapPut("/{id:long}", (long id, CategoryInput? input, SaveComplaintCategory save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(c => TypedResults.Ok(Dto(c)), "投诉类别"))
            .RequireAuthorization(ComplaintPolicies.EditDictionary).WithSummary("修改或停用投诉类别");
    }

    private static CategoryDto Dto(ComplaintCategory c) => new(c.Id, c.Code, c.Name, c.Description, c.SortOrder, c.IsActive);
}
