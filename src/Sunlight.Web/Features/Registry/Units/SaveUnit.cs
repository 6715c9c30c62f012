using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Units;

internal sealed record UnitInput(string Code, string Name, UnitKind Kind, string? Uscc, string? Address, string? Phone, string? Head, bool IsActive = true, Guid? Version = null)
{
    /// <summary>The unit to change (from the route); 0 registers a new one.</summary>
    [JsonIgnore] public long Id { get; init; }
}

internal sealed record UnitDto(long Id, string Code, string Name, UnitKind Kind, string? Uscc, string? Address, string? Phone, string? Head, bool IsActive, string RegionCode, Guid Version)
{
    internal static UnitDto From(EnforcementUnit u) => new(u.Id, u.Code, u.Name, u.Kind, u.Uscc, u.Address, u.Phone, u.Head, u.IsActive, u.RegionCode, u.Version);
}

internal sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator()
    {
        RuleFor(x => x.Code).RequiredText("单位编码", EnforcementUnitConfiguration.CodeLength);
        RuleFor(x => x.Name).RequiredText("单位名称", EnforcementUnitConfiguration.NameLength);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("单位类型无效");
        RuleFor(x => x.Uscc).Must(u => string.IsNullOrWhiteSpace(u) || Uscc.IsValid(Uscc.Normalize(u)))
            .WithMessage(x => Uscc.Validate(Uscc.Normalize(x.Uscc)) ?? "");
        RuleFor(x => x.Address).OptionalText("地址", RegistryColumns.AddressLength);
        RuleFor(x => x.Phone).OptionalText("电话", RegistryColumns.PhoneLength);
        RuleFor(x => x.Head).OptionalText("负责人", RegistryColumns.PersonLength);
    }
}

/// <summary>新增/修改执法单位 (Admin/Supervisor), for the unit page and the API alike. Codes are unique in the county (G-CODE).</summary>
internal sealed class SaveUnit(SunlightDbContext db, IValidator<UnitInput> validator, IConfiguration config) : UseCase<UnitInput, EnforcementUnit>(validator)
{
    public const string CodeRule = "G-CODE";
    public const string CodeTaken = "单位编码已被使用";

    protected override async Task<Outcome<EnforcementUnit>> HandleAsync(UnitInput input, CancellationToken ct)
    {
        var unit = input.Id == 0
            ? new EnforcementUnit { RegionCode = db.Scope.RegionCode ?? SaveEnterprise.DefaultRegion(config) }
            : await db.Units.FirstOrDefaultAsync(u => u.Id == input.Id, ct);
        if (unit is null)
        {
            return Outcome<EnforcementUnit>.Missing();
        }
        var code = input.Code.Trim();
        // Codes are unique in the county, including units the caller cannot see.
        if (await db.IsTakenAsync<EnforcementUnit>(u => u.RegionCode == unit.RegionCode && u.Code == code && u.Id != unit.Id, ct))
        {
            return Outcome<EnforcementUnit>.Refused(CodeRule, CodeTaken);
        }
        if (unit.Id == 0)
        {
            db.Units.Add(unit);
        }
        else if (input.Version is { } v)
        {
            db.Entry(unit).Property(x => x.Version).OriginalValue = v;
        }
        unit.Code = code;
        unit.Name = input.Name.Trim();
        unit.Kind = input.Kind;
        unit.Uscc = string.IsNullOrWhiteSpace(input.Uscc) ? null : Uscc.Normalize(input.Uscc);
        unit.Address = Blank(input.Address);
        unit.Phone = Blank(input.Phone);
        unit.Head = Blank(input.Head);
        unit.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        return unit;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class SaveUnitEndpoint
{
    public static void MapSaveUnit(this RouteGroupBuilder units)
    {
        units.MapPost("/", (UnitInput? input, SaveUnit save, CancellationToken ct) =>
                save.RunAsync(input, ct).ToHttpAsync(u => TypedResults.Created($"/api/v1/units/{u.Id}", UnitDto.From(u)), "执法单位"))
            .RequireAuthorization(RegistryPolicies.ManageUnits).WithSummary("新增执法单位（编码在本县唯一：G-CODE）");
        units.MapPut("/{id:long}", (long id, UnitInput? input, SaveUnit save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(u => TypedResults.Ok(UnitDto.From(u)), "执法单位"))
            .RequireAuthorization(RegistryPolicies.ManageUnits).WithSummary("修改执法单位（需提交 version，冲突时返回 409）");
    }
}
