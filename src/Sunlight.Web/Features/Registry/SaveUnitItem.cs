using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

/// <summary>A unit's list entry with a code unique in the unit: 执法事项 and 检查事项.</summary>
public interface IUnitItem
{
    long Id { get; }
    string RegionCode { get; set; }
    long UnitId { get; set; }
    EnforcementUnit? Unit { get; set; }
    string Code { get; }
    Guid Version { get; set; }
}

public interface IUnitItemInput
{
    long UnitId { get; }
    string Code { get; }
    Guid? Version { get; }
}

/// <summary>
/// 新增/修改 a unit's list entry, shared by pages and API: validation, the unit in the caller's scope, the code unique
/// in the unit, the concurrency token. A subclass says only how its fields are copied.
/// </summary>
public abstract class SaveUnitItem<TItem, TInput>(SunlightDbContext db, IValidator<TInput> validator, string codeTaken)
    where TItem : class, IUnitItem, new()
    where TInput : IUnitItemInput
{
    private protected abstract void Apply(TItem item, TInput input);

    public async Task<Outcome<TItem>> CreateAsync(TInput input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<TItem>(null, result.ToDictionary());
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
        {
            return Outcome<TItem>.Missing();
        }
        if (await CodeTakenAsync(unit.Id, input.Code, null, ct))
        {
            return Outcome<TItem>.Invalid("code", codeTaken);
        }
        var item = new TItem { RegionCode = unit.RegionCode, Unit = unit };
        Apply(item, input);
        db.Set<TItem>().Add(item);
        await db.SaveChangesAsync(ct);
        return new Outcome<TItem>(item);
    }

    public async Task<Outcome<TItem>> UpdateAsync(long id, TInput input, CancellationToken ct)
    {
        var item = await db.Set<TItem>().Include(nameof(IUnitItem.Unit)).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return Outcome<TItem>.Missing();
        }
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<TItem>(null, result.ToDictionary());
        }
        if (item.UnitId != input.UnitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<TItem>.Invalid("unitId", "所选执法单位不存在或您无权调入");
            }
            item.Unit = unit;
            item.UnitId = unit.Id;
        }
        if (await CodeTakenAsync(item.UnitId, input.Code, id, ct))
        {
            return Outcome<TItem>.Invalid("code", codeTaken);
        }
        if (input.Version is { } v)
        {
            db.Entry(item).Property(x => x.Version).OriginalValue = v;
        }
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return new Outcome<TItem>(item);
    }

    private Task<bool> CodeTakenAsync(long unitId, string code, long? id, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return db.Set<TItem>().AnyAsync(i => i.UnitId == unitId && i.Code == trimmed && i.Id != id, ct);
    }
}
