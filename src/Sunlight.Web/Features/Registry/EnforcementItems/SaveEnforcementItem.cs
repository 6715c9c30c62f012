using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.EnforcementItems;

internal sealed record EnforcementItemInput(long UnitId, string Code, string Name, EnforcementKind Kind, string LegalBasis, Guid? Version = null) : IUnitItemInput
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed record EnforcementItemDto(long Id, long UnitId, string UnitName, string Code, string Name, EnforcementKind Kind, string LegalBasis, Guid Version)
{
    internal static EnforcementItemDto From(EnforcementItem i) => new(i.Id, i.UnitId, i.Unit?.Name ?? "", i.Code, i.Name, i.Kind, i.LegalBasis, i.Version);
}

internal sealed class EnforcementItemInputValidator : AbstractValidator<EnforcementItemInput>
{
    public EnforcementItemInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Code).RequiredText("事项编码", UnitItemColumns.CodeLength);
        RuleFor(x => x.Name).RequiredText("事项名称", UnitItemColumns.NameLength);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("执法类别无效");
        RuleFor(x => x.LegalBasis).RequiredText("法律依据", UnitItemColumns.LegalBasisLength);
    }
}

/// <summary>新增/修改执法事项 (权责清单), for the page and the API alike. The unit must be in the caller's scope.</summary>
internal sealed class SaveEnforcementItem(SunlightDbContext db, IValidator<EnforcementItemInput> validator)
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

internal static class SaveEnforcementItemEndpoint
{
    public static void MapSaveEnforcementItem(this RouteGroupBuilder items)
    {
        items.MapPost("/", (EnforcementItemInput? input, SaveEnforcementItem save, CancellationToken ct) =>
                save.RunAsync(input, ct).ToHttpAsync(i => TypedResults.Created($"/api/v1/enforcement-items/{i.Id}", EnforcementItemDto.From(i)), "执法单位"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增执法事项（编码在单位内唯一：G-CODE）");
        items.MapPut("/{id:long}", (long id, EnforcementItemInput? input, SaveEnforcementItem save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(i => TypedResults.Ok(EnforcementItemDto.From(i)), "执法事项"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改执法事项（需提交 version，冲突时返回 409）");
    }
}
