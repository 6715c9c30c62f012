using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Units;

/// <summary>新增/修改执法单位, shared by the unit pages and the API (Admin/Supervisor only, enforced by the callers' policy).</summary>
public sealed class SaveUnit(SunlightDbContext db, IValidator<UnitInput> validator, IConfiguration config)
{
    public const string CodeTaken = "单位编码已被使用";

    public async Task<Outcome<EnforcementUnit>> CreateAsync(UnitInput input, CancellationToken ct)
    {
        var region = db.Scope.RegionCode ?? SaveEnterprise.DefaultRegion(config);
        if (await ValidateAsync(input, region, null, ct) is { } errors)
        {
            return new Outcome<EnforcementUnit>(null, errors);
        }
        var unit = new EnforcementUnit { RegionCode = region };
        Apply(unit, input);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return new Outcome<EnforcementUnit>(unit);
    }

    public async Task<Outcome<EnforcementUnit>> UpdateAsync(long id, UnitInput input, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Outcome<EnforcementUnit>.Missing();
        }
        if (await ValidateAsync(input, unit.RegionCode, id, ct) is { } errors)
        {
            return new Outcome<EnforcementUnit>(null, errors);
        }
        if (input.Version is { } v)
        {
            db.Entry(unit).Property(x => x.Version).OriginalValue = v;
        }
        Apply(unit, input);
        await db.SaveChangesAsync(ct);
        return new Outcome<EnforcementUnit>(unit);
    }

    private async Task<IDictionary<string, string[]>?> ValidateAsync(UnitInput input, string region, long? id, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return result.ToDictionary();
        }
        var code = input.Code.Trim();
        // Codes are unique in the county, including units the caller cannot see.
        var taken = await db.IsTakenAsync<EnforcementUnit>(u => u.RegionCode == region && u.Code == code && u.Id != id, ct);
        return taken ? new Dictionary<string, string[]> { ["code"] = [CodeTaken] } : null;
    }

    private static void Apply(EnforcementUnit u, UnitInput i)
    {
        u.Code = i.Code.Trim();
        u.Name = i.Name.Trim();
        u.Kind = i.Kind;
        u.Uscc = string.IsNullOrWhiteSpace(i.Uscc) ? null : Uscc.Normalize(i.Uscc);
        u.Address = Blank(i.Address);
        u.Phone = Blank(i.Phone);
        u.Head = Blank(i.Head);
        u.IsActive = i.IsActive;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
