using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Extend;

/// <summary>
/// An approved extension of the decision period (经本机关负责人批准延长), or time that does not count against it (鉴定等),
/// with its reason and the day it was approved: P-90DAYS adds its days.
/// </summary>
internal sealed record ExtensionInput(ExtensionKind Kind, int? Days, string? Reason, DateOnly? ApprovedOn, Guid? Version = null)
{
    public const int MaxDays = 365;
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ExtensionInputValidator : AbstractValidator<ExtensionInput>
{
    public ExtensionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择延长类别");
        RuleFor(x => x.Days).NotNull().WithMessage("请填写天数")
            .InclusiveBetween(1, ExtensionInput.MaxDays).WithMessage($"天数应在 1 至 {ExtensionInput.MaxDays} 之间");
        RuleFor(x => x.Reason).RequiredText("理由", CaseColumns.ReasonLength);
        RuleFor(x => x.ApprovedOn).NotNull().WithMessage("请填写批准日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("批准日期不能晚于今天");
    }
}

/// <summary>Records the extension on a penalty case not yet decided (E-ORDER otherwise); the rules re-run on the save.</summary>
internal sealed class RecordExtension(CaseWork work, IValidator<ExtensionInput> validator) : UseCase<ExtensionInput, EnforcementCase>(validator)
{
    protected override async Task<Outcome<EnforcementCase>> HandleAsync(ExtensionInput input, CancellationToken ct)
    {
        var c = await work.LoadAsync(input.Id, input.Version, ct);
        if (c is null)
        {
            return Outcome<EnforcementCase>.Missing();
        }
        if (c.Kind != CaseKind.Penalty || c.IsOnTheSpot)
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.Order, "只有按普通程序办理的行政处罚案件才有办案期限，不能登记延长。");
        }
        if (c.DateOf(MilestoneKind.Decided) is { } decided)
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.Order, $"该案已于 {decided:yyyy-MM-dd} 作出决定，不能再延长办案期限。");
        }
        if (c.FiledOn is { } filed && input.ApprovedOn < filed)
        {
            return Outcome<EnforcementCase>.Refused(EnforcementRules.Order, $"批准日期不能早于立案日期 {filed:yyyy-MM-dd}。");
        }
        c.Extensions.Add(new CaseExtension { Kind = input.Kind, Days = input.Days!.Value, Reason = input.Reason!.Trim(), ApprovedOn = input.ApprovedOn!.Value });
        await work.CheckAndSaveAsync(c, ct);
        return c;
    }
}

internal static class ExtensionEndpoint
{
    public static void MapExtension(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/extensions", (long id, ExtensionInput? input, RecordExtension record, CaseQueries q, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await q.DetailAsync(c.Id, ct)), "案件"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("登记办案期限延长（经负责人批准，须说明理由）或不计入期限的时间（鉴定等）；P-90DAYS 计入");
}
