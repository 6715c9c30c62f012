using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

/// <summary>A unit's list entry with a code unique in the unit: 执法事项 and 检查事项.</summary>
internal interface IUnitItem
{
    long Id { get; }
    string RegionCode { get; set; }
    long UnitId { get; set; }
    EnforcementUnit? Unit { get; set; }
    string Code { get; }
    Guid Version { get; set; }
}

/// <summary>What both item inputs carry: the target row (0 = new, from the route), the unit, the code and the version seen.</summary>
internal interface IUnitItemInput
{
    long Id { get; }
    long UnitId { get; }
    string Code { get; }
    Guid? Version { get; }
}

/// <summary>
/// 新增/修改 a unit's list entry, for the page and the API alike: the unit must be in the caller's scope (else 404), the
/// code unique in the unit (<see cref="CodeRule"/>), the version the editor saw. A subclass says only how fields are copied.
/// </summary>
internal abstract class SaveUnitItem<TItem, TInput>(SunlightDbContext db, IValidator<TInput> validator, string codeTaken)
    : UseCase<TInput, TItem>(validator)
    where TItem : class, IUnitItem, new()
    where TInput : class, IUnitItemInput
{
    /// <summary>G-CODE: an item code is unique in its unit.</summary>
    public const string CodeRule = "G-CODE";

    private protected abstract void Apply(TItem item, TInput input);

    protected override async Task<Outcome<TItem>> HandleAsync(TInput input, CancellationToken ct)
    {
        var item = input.Id == 0 ? new TItem() : await db.Set<TItem>().Include(nameof(IUnitItem.Unit)).FirstOrDefaultAsync(i => i.Id == input.Id, ct);
        if (item is null)
        {
            return Outcome<TItem>.Missing();
        }
        if (item.Id == 0 || item.UnitId != input.UnitId)
        {
            // A unit outside the caller's scope is not found, whether the item is new or moves there.
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<TItem>.Missing();
            }
            if (item.Id == 0)
            {
                item.RegionCode = unit.RegionCode;
            }
            item.Unit = unit;
            item.UnitId = unit.Id;
        }
        var code = input.Code.Trim();
        if (await db.Set<TItem>().AnyAsync(i => i.UnitId == item.UnitId && i.Code == code && i.Id != item.Id, ct))
        {
            return Outcome<TItem>.Refused(CodeRule, codeTaken);
        }
        if (item.Id == 0)
        {
            db.Set<TItem>().Add(item);
        }
        else if (input.Version is { } v)
        {
            db.Entry(item).Property(x => x.Version).OriginalValue = v;
        }
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return item;
    }
}
