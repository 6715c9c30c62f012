using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Complaints.Reply;

/// <summary>答复 input: the unit's reply, shown to the reporter once the Supervisor approves it.</summary>
internal sealed record ReplyInput(string? Text, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReplyInputValidator : AbstractValidator<ReplyInput>
{
    public ReplyInputValidator() => RuleFor(x => x.Text).RequiredText("答复内容", ComplaintConfiguration.TextLength);
}

/// <summary>答复: the assigned unit drafts the reply; the Supervisor approves it before the reporter sees it.</summary>
internal sealed class DraftReply(ComplaintStep step, Notifier notifier, IValidator<ReplyInput> validator) : UseCase<ReplyInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ReplyInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.DraftReplyText(input.Text!.Trim(), step.Now);
        await notifier.ToRoleAsync(Roles.Supervisor, $"投诉答复待审核：{c.TrackingCode}", "办理单位已提交答复，请审核。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class ReplyEndpoint
{
    public static void MapReply(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/reply", (long id, ReplyInput? input, DraftReply reply, ComplaintQueries q, CancellationToken ct) =>
                reply.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Handle).WithSummary("提交答复（办理单位；经监督人员审核后投诉人可见）");
}
