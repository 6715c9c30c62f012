using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Extend;

/// <summary>申请延期 input: the unit's reason.</summary>
internal sealed record ExtensionRequestInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ExtensionRequestInputValidator : AbstractValidator<ExtensionRequestInput>
{
    public ExtensionRequestInputValidator() => RuleFor(x => x.Reason).RequiredText("延期理由", ComplaintConfiguration.ReasonLength);
}

/// <summary>申请延期: the unit asks once (C-EXTEND-ONCE); the Supervisor decides.</summary>
internal sealed class RequestExtension(ComplaintStep step, Notifier notifier, IValidator<ExtensionRequestInput> validator)
    : UseCase<ExtensionRequestInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ExtensionRequestInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.RequestExtension(input.Reason!.Trim());
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉延期申请：{c.TrackingCode}", "理由：" + c.ExtensionReason, $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class RequestExtensionEndpoint
{
    public static void MapRequestExtension(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/extension", (long id, ExtensionRequestInput? input, RequestExtension request, ComplaintQueries q, CancellationToken ct) =>
                request.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Handle).WithSummary("申请延期（仅一次）");
}
