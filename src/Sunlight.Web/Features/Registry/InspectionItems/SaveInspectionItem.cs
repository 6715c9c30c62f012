using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.InspectionItems;

public sealed record InspectionItemInput(long UnitId, string Code, string Name, string LegalBasis, string? Method, Guid? Version = null);

public sealed record InspectionItemDto(long Id, long UnitId, string UnitName, string Code, string Name, string LegalBasis, string? Method, Guid Version)
{
    internal static InspectionItemDto From(InspectionItem i) => new(i.Id, i.UnitId, i.Unit?.Name ?? "", i.Code, i.Name, i.LegalBasis, i.Method, i.Version);
}

internal sealed class InspectionItemInputValidator : AbstractValidator<InspectionItemInput>
{
    public InspectionItemInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Code).NotEmpty().WithMessage("事项编码不能为空").MaximumLength(40).WithMessage("事项编码不能超过 40 个字符");
        RuleFor(x => x.Name).NotEmpty().WithMessage("事项名称不能为空").MaximumLength(200).WithMessage("事项名称不能超过 200 个字");
        RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("检查依据不能为空").MaximumLength(1000).WithMessage("检查依据不能超过 1000 个字");
        RuleFor(x => x.Method).MaximumLength(100).WithMessage("检查方式不能超过 100 个字");
    }
}

/// <summary>新增/修改检查事项 (检查事项清单), shared by pages and API. The unit must be in the caller's scope.</summary>
public sealed class SaveInspectionItem(SunlightDbContext db, IValidator<InspectionItemInput> validator)
{
    public const string CodeTaken = "该单位已有相同编码的检查事项";

    public async Task<Outcome<InspectionItem>> CreateAsync(InspectionItemInput input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<InspectionItem>(null, result.ToDictionary());
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
        {
            return Outcome<InspectionItem>.Missing();
        }
        if (await CodeTakenAsync(unit.Id, input.Code, null, ct))
        {
            return Outcome<InspectionItem>.Invalid("code", CodeTaken);
        }
        var item = new InspectionItem { RegionCode = unit.RegionCode, Unit = unit };
        Apply(item, input);
        db.InspectionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return new Outcome<InspectionItem>(item);
    }

    public async Task<Outcome<InspectionItem>> UpdateAsync(long id, InspectionItemInput input, CancellationToken ct)
    {
        var item = await db.InspectionItems.Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return Outcome<InspectionItem>.Missing();
        }
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<InspectionItem>(null, result.ToDictionary());
        }
        if (item.UnitId != input.UnitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<InspectionItem>.Invalid("unitId", "所选执法单位不存在或您无权调入");
            }
            item.Unit = unit;
            item.UnitId = unit.Id;
        }
        if (await CodeTakenAsync(item.UnitId, input.Code, id, ct))
        {
            return Outcome<InspectionItem>.Invalid("code", CodeTaken);
        }
        if (input.Version is { } v)
        {
            db.Entry(item).Property(x => x.Version).OriginalValue = v;
        }
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return new Outcome<InspectionItem>(item);
    }

    private Task<bool> CodeTakenAsync(long unitId, string code, long? id, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return db.InspectionItems.AnyAsync(i => i.UnitId == unitId && i.Code == trimmed && i.Id != id, ct);
    }

    private static void Apply(InspectionItem item, InspectionItemInput input)
    {
        item.Code = input.Code.Trim();
        item.Name = input.Name.Trim();
        item.LegalBasis = input.LegalBasis.Trim();
        item.Method = string.IsNullOrWhiteSpace(input.Method) ? null : input.Method.Trim();
    }
}
