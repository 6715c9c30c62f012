using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Reject;

/// <summary>不予受理 input: the reason, which the reporter sees.</summary>
internal sealed record RejectInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class RejectInputValidator : AbstractValidator<RejectInput>
{
    public RejectInputValidator() => RuleFor(x => x.Reason).RequiredText("不予受理的理由", ComplaintConfiguration.ReasonLength);
}

/// <summary>不予受理, with a reason the reporter sees on the status page.</summary>
internal sealed class RejectComplaint(ComplaintStep step, IValidator<RejectInput> validator) : UseCase<RejectInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(RejectInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.Reject(input.Reason!.Trim(), step.Now);
        step.TellReporter(c, "不予受理", "理由：" + c.RejectionReason);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class RejectEndpoint
{
    public static void MapReject(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/reject", (long id, RejectInput? input, RejectComplaint reject, ComplaintQueries q, CancellationToken ct) =>
                reject.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("不予受理（理由投诉人可见）");
}
