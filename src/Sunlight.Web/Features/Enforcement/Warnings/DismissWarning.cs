using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Warnings;

/// <summary>排除预警: the Supervisor's reason why the warning is not a violation.</summary>
internal sealed record DismissWarningInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class DismissWarningInputValidator : AbstractValidator<DismissWarningInput>
{
    public DismissWarningInputValidator() => RuleFor(x => x.Reason).RequiredText("排除理由", CaseColumns.ReasonLength);
}

/// <summary>A Supervisor dismisses an open warning with a reason; the checks leave a dismissed warning alone.</summary>
internal sealed class DismissWarning(CaseWork work, IValidator<DismissWarningInput> validator) : UseCase<DismissWarningInput, Warning>(validator)
{
    protected override async Task<Outcome<Warning>> HandleAsync(DismissWarningInput input, CancellationToken ct)
    {
        var w = await work.Db.Warnings.FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (w is null)
        {
            return Outcome<Warning>.Missing();
        }
        if (input.Version is { } v)
        {
            work.Db.Entry(w).Property(x => x.Version).OriginalValue = v;
        }
        w.Dismiss(input.Reason!.Trim(), work.Actor, work.Now);
        await work.Db.SaveChangesAsync(ct);
        return w;
    }
}

internal static class DismissWarningEndpoint
{
    public static void MapDismissWarning(this RouteGroupBuilder cases) =>
        cases.MapPost("/warnings/{id:long}/dismiss", (long id, DismissWarningInput? input, DismissWarning dismiss, CaseQueries q, CancellationToken ct) =>
                dismiss.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async w => TypedResults.Ok(await q.WarningAsync(w.Id, ct)), "预警"))
            .RequireAuthorization(EnforcementPolicies.Supervise).WithSummary("排除预警（县司法局，须说明理由）");
}
