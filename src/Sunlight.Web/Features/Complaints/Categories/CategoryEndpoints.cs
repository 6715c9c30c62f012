using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Categories;

public sealed record CategoryDto(long Id, string Code, string Name, string? Description, int SortOrder, bool IsActive);

public sealed record CategoryInput(string Code, string Name, string? Description, int SortOrder, bool IsActive = true);

internal sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("类别编码不能为空").MaximumLength(40).WithMessage("类别编码不能超过 40 个字符")
            .Matches("^[a-z0-9-]+$").WithMessage("类别编码只能包含小写字母、数字和连字符");
        RuleFor(x => x.Name).NotEmpty().WithMessage("类别名称不能为空").MaximumLength(50).WithMessage("类别名称不能超过 50 字");
        RuleFor(x => x.Description).MaximumLength(500).WithMessage("说明不能超过 500 字");
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

        g.MapPost("/", async Task<Results<Created<CategoryDto>, ValidationProblem>> (CategoryInput input, SunlightDbContext db, ActiveCategories active, CancellationToken ct) =>
        {
            if (await db.Set<ComplaintCategory>().AnyAsync(c => c.Code == input.Code, ct))
            {
                return ApiErrors.Invalid("code", "类别编码已存在");
            }
            var next = (await db.Set<ComplaintCategory>().MaxAsync(c => (long?)c.Id, ct) ?? 0) + 1;
            var c = new ComplaintCategory { Id = next, Code = input.Code, Name = input.Name.Trim(), Description = input.Description, SortOrder = input.SortOrder, IsActive = input.IsActive };
            db.Set<ComplaintCategory>().Add(c);
            await db.SaveChangesAsync(ct);
            active.Invalidate();
            return TypedResults.Created($"/api/v1/complaint-categories/{c.Id}", new CategoryDto(c.Id, c.Code, c.Name, c.Description, c.SortOrder, c.IsActive));
        }).Validate<CategoryInput>().RequireAuthorization(ComplaintPolicies.EditDictionary).WithSummary("新增投诉类别");

        g.MapPut("/{id:long}", async Task<Results<Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> (long id, CategoryInput input, SunlightDbContext db, ActiveCategories active, CancellationToken ct) =>
        {
            var c = await db.Set<ComplaintCategory>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return ApiErrors.NotFound("投诉类别");
            }
            if (await db.Set<ComplaintCategory>().AnyAsync(x => x.Code == input.Code && x.Id != id, ct))
            {
                return ApiErrors.Invalid("code", "类别编码已存在");
            }
            (c.Code, c.Name, c.Description, c.SortOrder, c.IsActive) = (input.Code, input.Name.Trim(), input.Description, input.SortOrder, input.IsActive);
            await db.SaveChangesAsync(ct);
            active.Invalidate();
            return TypedResults.Ok(new CategoryDto(c.Id, c.Code, c.Name, c.Description, c.SortOrder, c.IsActive));
        }).Validate<CategoryInput>().RequireAuthorization(ComplaintPolicies.EditDictionary).WithSummary("修改或停用投诉类别");
    }
}
