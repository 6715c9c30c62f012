using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.InspectionItems;

internal sealed record InspectionItemInput(long UnitId, string Code, string Name, string LegalBasis, string? Method, Guid? Version = null) : IUnitItemInput
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed record InspectionItemDto(long Id, long UnitId, string UnitName, string Code, string Name, string LegalBasis, string? Method, Guid Version)
{
    internal static InspectionItemDto From(InspectionItem i) => new(i.Id, i.UnitId, i.Unit?.Name ?? "", i.Code, i.Name, i.LegalBasis, i.Method, i.Version);
}

internal sealed class InspectionItemInputValidator : AbstractValidator<InspectionItemInput>
{
    public InspectionItemInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Code).RequiredText("事项编码", UnitItemColumns.CodeLength);
        RuleFor(x => x.Name).RequiredText("事项名称", UnitItemColumns.NameLength);
        RuleFor(x => x.LegalBasis).RequiredText("检查依据", UnitItemColumns.LegalBasisLength);
        RuleFor(x => x.Method).OptionalText("检查方式", InspectionItemConfiguration.MethodLength);
    }
}

/// <summary>新增/修改检查事项 (检查事项清单), for the page and the API alike. The unit must be in the caller's scope.</summary>
internal sealed class SaveInspectionItem(SunlightDbContext db, IValidator<InspectionItemInput> validator)
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

internal static class SaveInspectionItemEndpoint
{
    public static void MapSaveInspectionItem(this RouteGroupBuilder items)
    {
        items.MapPost("/", (InspectionItemInput? input, SaveInspectionItem save, CancellationToken ct) =>
                save.RunAsync(input, ct).ToHttpAsync(i => TypedResults.Created($"/api/v1/inspection-items/{i.Id}", InspectionItemDto.From(i)), "执法单位"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增检查事项（编码在单位内唯一：G-CODE）");
        items.MapPut("/{id:long}", (long id, InspectionItemInput? input, SaveInspectionItem save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(i => TypedResults.Ok(InspectionItemDto.From(i)), "检查事项"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改检查事项（需提交 version，冲突时返回 409）");
    }
}
