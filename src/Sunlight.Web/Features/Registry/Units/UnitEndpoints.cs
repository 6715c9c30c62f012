using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Units;

public sealed record UnitInput(string Code, string Name, UnitKind Kind, string? Uscc, string? Address, string? Phone, string? Head, bool IsActive = true, Guid? Version = null);

public sealed record UnitDto(long Id, string Code, string Name, UnitKind Kind, string? Uscc, string? Address, string? Phone, string? Head, bool IsActive, string RegionCode, Guid Version)
{
    internal static UnitDto From(EnforcementUnit u) => new(u.Id, u.Code, u.Name, u.Kind, u.Uscc, u.Address, u.Phone, u.Head, u.IsActive, u.RegionCode, u.Version);
}

internal sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("单位编码不能为空").MaximumLength(20).WithMessage("单位编码不能超过 20 个字符");
        RuleFor(x => x.Name).NotEmpty().WithMessage("单位名称不能为空").MaximumLength(100).WithMessage("单位名称不能超过 100 个字");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("单位类型无效");
        RuleFor(x => x.Uscc).Must(u => string.IsNullOrWhiteSpace(u) || Uscc.IsValid(Uscc.Normalize(u)))
            .WithMessage(x => Uscc.Validate(Uscc.Normalize(x.Uscc)) ?? "");
        RuleFor(x => x.Address).MaximumLength(200).WithMessage("地址不能超过 200 个字");
        RuleFor(x => x.Phone).MaximumLength(30).WithMessage("电话不能超过 30 个字符");
        RuleFor(x => x.Head).MaximumLength(50).WithMessage("负责人不能超过 50 个字");
    }
}

internal static class UnitEndpoints
{
    public static void MapUnits(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("执法单位").RequireAuthorization();

        g.MapGet("/", async (string? q, SunlightDbContext db, CancellationToken ct) =>
        {
            var rows = await UnitList.Filter(db.Units.AsNoTracking(), q).OrderBy(u => u.Code).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(UnitDto.From).ToList());
        }).WithSummary("执法单位列表（UnitStaff 只看到本单位）");

        g.MapGet("/{id:long}", async Task<Results<Ok<UnitDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
                ? TypedResults.Ok(UnitDto.From(u))
                : ApiErrors.NotFound("执法单位"))
            .WithSummary("执法单位详情");

        g.MapPost("/", async Task<Results<Created<UnitDto>, ValidationProblem>> (UnitInput input, SaveUnit save, CancellationToken ct) =>
        {
            var r = await save.CreateAsync(input, ct);
            return r.Value is { } unit
                ? TypedResults.Created($"/api/v1/units/{unit.Id}", UnitDto.From(unit))
                : ApiErrors.Invalid(r.Errors!);
        }).Validate<UnitInput>().RequireAuthorization(RegistryPolicies.ManageUnits).WithSummary("新增执法单位");

        g.MapPut("/{id:long}", async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> (long id, UnitInput input, SaveUnit save, CancellationToken ct) =>
        {
            var r = await save.UpdateAsync(id, input, ct);
            if (r.NotFound)
            {
                return ApiErrors.NotFound("执法单位");
            }
            return r.Value is { } unit ? TypedResults.Ok(UnitDto.From(unit)) : ApiErrors.Invalid(r.Errors!);
        }).Validate<UnitInput>().RequireAuthorization(RegistryPolicies.ManageUnits).WithSummary("修改执法单位");
    }
}
