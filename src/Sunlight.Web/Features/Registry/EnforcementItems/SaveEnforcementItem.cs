using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

public sealed record EnforcementItemInput(long UnitId, string Code, string Name, EnforcementKind Kind, string LegalBasis, Guid? Version = null);

public sealed record EnforcementItemDto(long Id, long UnitId, string UnitName, string Code, string Name, EnforcementKind Kind, string LegalBasis, Guid Version)
{
    internal static EnforcementItemDto From(EnforcementItem i) => new(i.Id, i.UnitId, i.Unit?.Name ?? "", i.Code, i.Name, i.Kind, i.LegalBasis, i.Version);
}

internal sealed class EnforcementItemInputValidator : AbstractValidator<EnforcementItemInput>
{
    public EnforcementItemInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Code).NotEmpty().WithMessage("事项编码不能为空").MaximumLength(40).WithMessage("事项编码不能超过 40 个字符");
        RuleFor(x => x.Name).NotEmpty().WithMessage("事项名称不能为空").MaximumLength(200).WithMessage("事项名称不能超过 200 个字");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("执法类别无效");
        RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("法律依据不能为空").MaximumLength(1000).WithMessage("法律依据不能超过 1000 个字");
    }
}

/// <summary>新增/修改执法事项 (权责清单), shared by pages and API. The unit must be in the caller's scope.</summary>
public sealed class SaveEnforcementItem(SunlightDbContext db, IValidator<EnforcementItemInput> validator)
{
    public const string CodeTaken = "该单位已有相同编码的执法事项";

    public async Task<Outcome<EnforcementItem>> CreateAsync(EnforcementItemInput input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<EnforcementItem>(null, result.ToDictionary());
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
        {
            return Outcome<EnforcementItem>.Missing();
        }
        var item = new EnforcementItem { RegionCode = unit.RegionCode, Unit = unit };
        if (await CodeTakenAsync(unit.Id, input.Code, null, ct))
        {
            return Outcome<EnforcementItem>.Invalid("code", CodeTaken);
        }
        Apply(item, input);
        db.EnforcementItems.Add(item);
        await db.SaveChangesAsync(ct);
        return new Outcome<EnforcementItem>(item);
    }

    public async Task<Outcome<EnforcementItem>> UpdateAsync(long id, EnforcementItemInput input, CancellationToken ct)
    {
        var item = await db.EnforcementItems.Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return Outcome<EnforcementItem>.Missing();
        }
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<EnforcementItem>(null, result.ToDictionary());
        }
        if (item.UnitId != input.UnitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<EnforcementItem>.Invalid("unitId", "所选执法单位不存在或您无权调入");
            }
            item.Unit = unit;
            item.UnitId = unit.Id;
        }
        if (await CodeTakenAsync(item.UnitId, input.Code, id, ct))
        {
            return Outcome<EnforcementItem>.Invalid("code", CodeTaken);
        }
        if (input.Version is { } v)
        {
            db.Entry(item).Property(x => x.Version).OriginalValue = v;
        }
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return new Outcome<EnforcementItem>(item);
    }

    private Task<bool> CodeTakenAsync(long unitId, string code, long? id, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return db.EnforcementItems.AnyAsync(i => i.UnitId == unitId && i.Code == trimmed && i.Id != id, ct);
    }

    private static void Apply(EnforcementItem item, EnforcementItemInput input)
    {
        item.Code = input.Code.Trim();
        item.Name = input.Name.Trim();
        item.Kind = input.Kind;
        item.LegalBasis = input.LegalBasis.Trim();
    }
}
