using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Escalate;

/// <summary>约谈、移送纪委监委 or 督办 recorded against one problem (and so against its unit).</summary>
internal sealed record EscalateInput(EscalationKind Kind, string? Reason)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class EscalateInputValidator : AbstractValidator<EscalateInput>
{
    /// <summary>The Escalations.Reason column (Platform's EscalationConfiguration has no constant for it yet).</summary>
    public const int ReasonLength = 2000;

    public EscalateInputValidator()
    {
        RuleFor(x => x.Kind).Must(k => ManualEscalation.Kinds.Contains(k)).WithMessage("只能手工记录约谈、移送纪委监委或督办");
        RuleFor(x => x.Reason).RequiredText("事由", ReasonLength);
    }
}

/// <summary>The bureau records a 约谈/移送/督办 on a problem; the unit (and for 移送 the liaison) is told.</summary>
internal sealed class EscalateProblem(SunlightDbContext db, EscalationLedger ledger, IValidator<EscalateInput> validator) : UseCase<EscalateInput, Escalation>(validator)
{
    protected override async Task<Outcome<Escalation>> HandleAsync(EscalateInput input, CancellationToken ct)
    {
        var problem = await db.Set<Problem>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.Id, ct);
        if (problem is null)
        {
            return Outcome<Escalation>.Missing();
        }
        return await ledger.RecordManualAsync(input.Kind, problem.UnitId, nameof(Problem), problem.Id, input.Reason!.Trim(), Problem.DetailsLink(problem.Number), ct);
    }
}

internal static class EscalateEndpoint
{
    public static void MapEscalate(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/escalations", (long id, EscalateInput? input, EscalateProblem step, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct)
                    .ToHttpAsync(e => TypedResults.Created($"/api/v1/escalations?unitId={e.UnitId}", ManualEscalation.Dto(e)), "问题"))
            .RequireAuthorization(ProblemPolicies.Verify).WithSummary("针对问题记录约谈、移送纪委监委或督办");
}
