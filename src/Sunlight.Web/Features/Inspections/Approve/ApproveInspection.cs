using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Approve;

/// <summary>审批: the unit head who approved; the inspection gets its code. Approval after the visit day is flagged (紧急).</summary>
internal sealed record ApproveInput(string? ApprovedBy, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ApproveInputValidator : AbstractValidator<ApproveInput>
{
    public ApproveInputValidator() => RuleFor(x => x.ApprovedBy).RequiredText("审批负责人", RegistryColumns.PersonLength);
}

internal sealed class ApproveInspection(SunlightDbContext db, TimeProvider clock, IValidator<ApproveInput> validator) : UseCase<ApproveInput, Inspection>(validator)
{
    protected override async Task<Outcome<Inspection>> HandleAsync(ApproveInput input, CancellationToken ct)
    {
        var inspection = await db.Set<Inspection>().FirstOrDefaultAsync(i => i.Id == input.Id, ct);
        if (inspection is null)
        {
            return Outcome<Inspection>.Missing();
        }
        if (input.Version is { } version)
        {
            db.Entry(inspection).Property(e => e.Version).OriginalValue = version;
        }
        inspection.Approve(input.ApprovedBy!.Trim(), clock.GetUtcNow(), ChinaTime.Today(clock), InspectionCodes.New("JC"));
        await db.SaveChangesAsync(ct);
        return inspection;
    }
}

internal static class ApproveEndpoint
{
    public static void MapApprove(this RouteGroupBuilder inspections) =>
        inspections.MapPost("/{id:long}/approve", (long id, ApproveInput? input, ApproveInspection approve, InspectionQueries q, CancellationToken ct) =>
                approve.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async i => TypedResults.Ok(await q.ToDtoAsync(i, ct)), "检查"))
            .RequireAuthorization(InspectionPolicies.Conduct).WithSummary("单位负责人审批并赋检查码（检查日后审批标记为事后补批）");
}

/// <summary>What the 审批 form shows: the inspection, its version, and what was typed.</summary>
internal sealed record ApproveFormView(long InspectionId, Guid Version, ApproveInput? Values);
