using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry.Enterprises;
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
            var query = db.Units.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q))
            {
                query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
            }
            var rows = await query.OrderBy(u => u.Code).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(UnitDto.From).ToList());
        }).WithSummary("执法单位列表（UnitStaff 只看到本单位）");

        g.MapGet("/{id:long}", async Task<Results<Ok<UnitDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
                ? TypedResults.Ok(UnitDto.From(u))
                : ApiErrors.NotFound("执法单位"))
            .WithSummary("执法单位详情");

        g.MapPost("/", async Task<Results<Created<UnitDto>, ValidationProblem>> (UnitInput input, SunlightDbContext db, IConfiguration config, CancellationToken ct) =>
        {
            var region = db.Scope.RegionCode ?? SaveEnterprise.DefaultRegion(config);
            if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.RegionCode == region && u.Code == input.Code.Trim(), ct))
            {
                return ApiErrors.Invalid("code", "单位编码已被使用");
            }
            var unit = new EnforcementUnit { RegionCode = region };
            Apply(unit, input);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/units/{unit.Id}", UnitDto.From(unit));
        }).Validate<UnitInput>().RequireAuthorization(Policies.ManageRegistry).WithSummary("新增执法单位");

        g.MapPut("/{id:long}", async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> (long id, UnitInput input, SunlightDbContext db, CancellationToken ct) =>
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return ApiErrors.NotFound("执法单位");
            }
            if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.RegionCode == unit.RegionCode && u.Code == input.Code.Trim() && u.Id != id, ct))
            {
                return ApiErrors.Invalid("code", "单位编码已被使用");
            }
            if (input.Version is { } v)
            {
                db.Entry(unit).Property(x => x.Version).OriginalValue = v;
            }
            Apply(unit, input);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(UnitDto.From(unit));
        }).Validate<UnitInput>().RequireAuthorization(Policies.ManageRegistry).WithSummary("修改执法单位");
    }

    private static void Apply(EnforcementUnit u, UnitInput i)
    {
        u.Code = i.Code.Trim();
        u.Name = i.Name.Trim();
        u.Kind = i.Kind;
        u.Uscc = string.IsNullOrWhiteSpace(i.Uscc) ? null : Uscc.Normalize(i.Uscc);
        u.Address = i.Address?.Trim();
        u.Phone = i.Phone?.Trim();
        u.Head = i.Head?.Trim();
        u.IsActive = i.IsActive;
    }
}
