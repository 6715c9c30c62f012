using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Disclosure;

internal enum DisclosureAction
{
    Publish,   // 公示
    Revoke,    // 决定变更、撤销
    Withdraw,  // 撤回公示
}

/// <summary>A disclosure step of the decision: published on, changed/revoked on, or withdrawn on (with the reason).</summary>
internal sealed record DisclosureInput(DisclosureAction Action, DateOnly? On, string? Reason = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class DisclosureInputValidator : AbstractValidator<DisclosureInput>
{
    public DisclosureInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Action).IsInEnum().WithMessage("请选择公示操作");
        RuleFor(x => x.On).NotNull().WithMessage("请填写日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("日期不能晚于今天");
        RuleFor(x => x.Reason).RequiredText("撤回说明", CaseColumns.ReasonLength).When(x => x.Action == DisclosureAction.Withdraw);
        RuleFor(x => x.Reason).OptionalText("撤回说明", CaseColumns.ReasonLength);
    }
}

/// <summary>
/// 公示 tracking: the unit records when the decision was published, changed or revoked, and withdrawn with its
/// explanation; S-PUBLISH (7/20 WD) and S-WITHDRAW (3 WD) are checked on the save.
/// </summary>
internal sealed class RecordDisclosure(CaseWork work, IValidator<DisclosureInput> validator) : UseCase<DisclosureInput, EnforcementCase>(validator)
{
    protected override async Task<Outcome<EnforcementCase>> HandleAsync(DisclosureInput input, CancellationToken ct)
    {
        var c = await work.LoadAsync(input.Id, input.Version, ct);
        if (c is null)
        {
            return Outcome<EnforcementCase>.Missing();
        }
        var on = input.On!.Value;
        switch (input.Action)
        {
            case DisclosureAction.Publish:
                c.Publish(on);
                break;
            case DisclosureAction.Revoke:
                c.RevokeDecision(on);
                break;
            default:
                c.Withdraw(on, input.Reason!.Trim());
                break;
        }
        await work.CheckAndSaveAsync(c, ct);
        return c;
    }
}

internal static class DisclosureEndpoint
{
    public static void MapDisclosure(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/disclosure", (long id, DisclosureInput? input, RecordDisclosure record, CaseQueries q, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await q.DetailAsync(c.Id, ct)), "案件"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("公示：登记公示日期、决定变更撤销日期、撤回公示（须说明理由）");
}
