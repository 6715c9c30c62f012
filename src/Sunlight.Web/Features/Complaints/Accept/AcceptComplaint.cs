using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Accept;

/// <summary>受理 input: the version the Supervisor saw and an optional note (staff only).</summary>
internal sealed record AcceptInput(Guid? Version = null, string? Note = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AcceptInputValidator : AbstractValidator<AcceptInput>
{
    public AcceptInputValidator() => RuleFor(x => x.Note).OptionalText("受理意见", ComplaintConfiguration.ReasonLength);
}

/// <summary>受理: the Supervisor takes the complaint on; it then waits for 交办.</summary>
internal sealed class AcceptComplaint(ComplaintStep step, IValidator<AcceptInput> validator) : UseCase<AcceptInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(AcceptInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.Accept(step.Now);
        step.TellReporter(c, "受理", "您的投诉已受理。");
        step.Note(c, "受理意见", input.Note);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class AcceptEndpoint
{
    public static void MapAccept(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/accept", (long id, AcceptInput? input, AcceptComplaint accept, ComplaintQueries q, CancellationToken ct) =>
                accept.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("受理");
}
