using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Escalations.Record;

internal sealed class EscalationInputValidator : AbstractValidator<EscalationInput>
{
    public EscalationInputValidator()
    {
        RuleFor(x => x.Kind).Must(k => ManualEscalation.Kinds.Contains(k)).WithMessage("只能手工记录约谈、移送纪委监委或督办");
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择执法单位");
        RuleFor(x => x.Reason).RequiredText("事由", EscalationConfiguration.ReasonLength);
    }
}

/// <summary>对执法单位记录约谈、移送或督办 (Supervisor): the unit must be an enforcement unit (else 404); the unit is told.</summary>
internal sealed class RecordEscalation(SunlightDbContext db, EscalationLedger ledger, IValidator<EscalationInput> validator)
    : UseCase<EscalationInput, Escalation>(validator)
{
    protected override async Task<Outcome<Escalation>> HandleAsync(EscalationInput input, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement, ct))
        {
            return Outcome<Escalation>.Missing();
        }
        return await ledger.RecordManualAsync(input.Kind, input.UnitId, null, null, input.Reason.Trim(), "/Escalations", ct);
    }
}

internal static class RecordEscalationEndpoint
{
    public static void MapRecordEscalation(this RouteGroupBuilder escalations) =>
        escalations.MapPost("/", (EscalationInput? input, RecordEscalation record, CancellationToken ct) =>
                record.RunAsync(input, ct).ToHttpAsync(e => TypedResults.Created($"/api/v1/escalations?unitId={e.UnitId}", ManualEscalation.Dto(e)), "执法单位"))
            .RequireAuthorization(PlatformPolicies.Escalate).WithSummary("对执法单位记录约谈、移送纪委监委或督办");
}
