using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Return;

/// <summary>退回 input: why the unit hands the complaint back.</summary>
internal sealed record ReturnInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator() => RuleFor(x => x.Reason).RequiredText("退回理由", ComplaintConfiguration.ReasonLength);
}

/// <summary>退回: the unit hands a complaint back with a reason (not its competence ...); the Supervisor reassigns.</summary>
internal sealed class ReturnComplaint(ComplaintStep step, Notifier notifier, IValidator<ReturnInput> validator) : UseCase<ReturnInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ReturnInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.Return(input.Reason!.Trim(), step.Now);
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉被退回：{c.TrackingCode}", "退回理由：" + c.LastReturnReason, $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class ReturnEndpoint
{
    public static void MapReturn(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/return", (long id, ReturnInput? input, ReturnComplaint handBack, ComplaintQueries q, CancellationToken ct) =>
                handBack.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Handle).WithSummary("退回（办理单位）");
}
