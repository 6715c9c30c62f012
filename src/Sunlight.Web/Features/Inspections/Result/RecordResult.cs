using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Result;

/// <summary>检查结果: the outcome (including 不予处罚 and 行政指导) and a note on the follow-up.</summary>
internal sealed record ResultInput(InspectionOutcome Outcome, string? Note = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ResultInputValidator : AbstractValidator<ResultInput>
{
    public ResultInputValidator()
    {
        RuleFor(x => x.Outcome).IsInEnum().WithMessage("检查结果无效");
        RuleFor(x => x.Note).OptionalText("结果说明", InspectionColumns.TextLength);
    }
}

internal sealed class RecordResult(SunlightDbContext db, TimeProvider clock, IValidator<ResultInput> validator) : UseCase<ResultInput, Inspection>(validator)
{
    protected override async Task<Outcome<Inspection>> HandleAsync(ResultInput input, CancellationToken ct)
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
        inspection.RecordResult(input.Outcome, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return inspection;
    }
}

internal static class ResultEndpoint
{
    public static void MapResult(this RouteGroupBuilder inspections) =>
        inspections.MapPost("/{id:long}/result", (long id, ResultInput? input, RecordResult record, InspectionQueries q, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async i => TypedResults.Ok(await q.ToDtoAsync(i, ct)), "检查"))
            .RequireAuthorization(InspectionPolicies.Conduct).WithSummary("录入检查结果（未审批的检查不得录入：I-APPROVAL）");
}

/// <summary>What the 检查结果 form shows.</summary>
internal sealed record ResultFormView(long InspectionId, Guid Version, ResultInput? Values);
