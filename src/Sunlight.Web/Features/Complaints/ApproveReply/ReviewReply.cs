using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.ApproveReply;

/// <summary>审核答复 input: approve, or send back with a comment for the unit.</summary>
internal sealed record ReviewReplyInput(bool Approve, string? Comment = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReviewReplyInputValidator : AbstractValidator<ReviewReplyInput>
{
    public ReviewReplyInputValidator() => RuleFor(x => x.Comment).OptionalText("审核意见", ComplaintConfiguration.ReasonLength);
}

/// <summary>The Supervisor approves the unit's reply (the reporter then sees it) or sends it back with a comment.</summary>
internal sealed class ReviewReply(ComplaintStep step, Notifier notifier, IValidator<ReviewReplyInput> validator) : UseCase<ReviewReplyInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ReviewReplyInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        if (input.Approve)
        {
            c.ApproveReply(step.Now);
            step.TellReporter(c, "答复", c.Reply);
        }
        else
        {
            c.SendReplyBack(string.IsNullOrWhiteSpace(input.Comment) ? "答复需修改。" : input.Comment.Trim(), step.Now);
            await notifier.ToUnitAsync(c.AssignedUnitId!.Value, $"投诉答复需修改：{c.TrackingCode}", c.ReviewComment!, $"/Complaints/Detail/{c.Id}", ct);
        }
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class ReviewReplyEndpoint
{
    public static void MapReviewReply(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/reply/review", (long id, ReviewReplyInput? input, ReviewReply review, ComplaintQueries q, CancellationToken ct) =>
                review.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("审核答复：approve=true 同意（投诉人可见），false 退回修改");
}
