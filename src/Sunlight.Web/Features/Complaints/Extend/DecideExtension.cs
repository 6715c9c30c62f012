using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Extend;

/// <summary>审批延期 input: approve or refuse the pending request.</summary>
internal sealed record ExtensionDecisionInput(bool Approve, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

/// <summary>Nothing to check beyond the body being there: the decision is a yes or a no.</summary>
internal sealed class ExtensionDecisionInputValidator : AbstractValidator<ExtensionDecisionInput>;

/// <summary>审批延期: approved, the deadline moves by the configured days; refused, the unit keeps the old one.</summary>
internal sealed class DecideExtension(ComplaintStep step, Notifier notifier, IValidator<ExtensionDecisionInput> validator)
    : UseCase<ExtensionDecisionInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ExtensionDecisionInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        var extended = input.Approve && c.ResolveDueDate is { } due ? step.Calendar.AddNaturalDays(due, step.Options.ExtensionDays) : null;
        c.DecideExtension(input.Approve, extended);
        await notifier.ToUnitAsync(c.AssignedUnitId!.Value, $"延期申请{(input.Approve ? "已批准" : "未批准")}：{c.TrackingCode}",
            input.Approve ? $"办理期限延至 {c.ResolveDueDate:yyyy-MM-dd}。" : "请按原期限办理。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class DecideExtensionEndpoint
{
    public static void MapDecideExtension(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/extension/decision", (long id, ExtensionDecisionInput? input, DecideExtension decide, ComplaintQueries q, CancellationToken ct) =>
                decide.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("审批延期申请");
}
