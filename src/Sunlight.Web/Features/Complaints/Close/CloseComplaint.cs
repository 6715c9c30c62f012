using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Close;

/// <summary>办结 input: the finding and an optional note (staff only).</summary>
internal sealed record CloseInput(ComplaintFinding Finding, string? Note = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class CloseInputValidator : AbstractValidator<CloseInput>
{
    public CloseInputValidator()
    {
        RuleFor(x => x.Finding).IsInEnum().WithMessage("请选择核查结论");
        RuleFor(x => x.Note).OptionalText("办结说明", ComplaintConfiguration.ReasonLength);
    }
}

/// <summary>办结 with the finding; a substantiated complaint raises a problem in the ledger in the same commit.</summary>
internal sealed class CloseComplaint(ComplaintStep step, ComplaintProblemLink problems, IValidator<CloseInput> validator) : UseCase<CloseInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(CloseInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.Close(step.Now, input.Finding);
        step.Note(c, "办结说明", input.Note);
        step.TellReporter(c, "办结", "您的投诉已办结。");
        if (input.Finding is ComplaintFinding.Substantiated or ComplaintFinding.PartlySubstantiated)
        {
            await problems.RaiseAsync(c, ct);
        }
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class CloseEndpoint
{
    public static void MapClose(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/close", (long id, CloseInput? input, CloseComplaint close, ComplaintQueries q, CancellationToken ct) =>
                close.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("办结（属实的投诉列入问题清单）");
}
