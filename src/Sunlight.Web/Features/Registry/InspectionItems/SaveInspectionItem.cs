using FluentValidation;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.InspectionItems;

public sealed record InspectionItemInput(long UnitId, string Code, string Name, string LegalBasis, string? Method, Guid? Version = null) : IUnitItemInput;

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
    : SaveUnitItem<InspectionItem, InspectionItemInput>(db, validator, CodeTaken)
{
    public const string CodeTaken = "该单位已有相同编码的检查事项";

    private protected override void Apply(InspectionItem item, InspectionItemInput input)
    {
        item.Code = input.Code.Trim();
        item.Name = input.Name.Trim();
        item.LegalBasis = input.LegalBasis.Trim();
        item.Method = string.IsNullOrWhiteSpace(input.Method) ? null : input.Method.Trim();
    }
}
