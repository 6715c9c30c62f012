using FluentValidation;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

public sealed record EnforcementItemInput(long UnitId, string Code, string Name, EnforcementKind Kind, string LegalBasis, Guid? Version = null) : IUnitItemInput;

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
    : SaveUnitItem<EnforcementItem, EnforcementItemInput>(db, validator, CodeTaken)
{
    public const string CodeTaken = "该单位已有相同编码的执法事项";

    private protected override void Apply(EnforcementItem item, EnforcementItemInput input)
    {
        item.Code = input.Code.Trim();
        item.Name = input.Name.Trim();
        item.Kind = input.Kind;
        item.LegalBasis = input.LegalBasis.Trim();
    }
}
