using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Merge;

/// <summary>合并 input: the earlier complaint this duplicate joins.</summary>
internal sealed record MergeInput(long TargetId, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class MergeInputValidator : AbstractValidator<MergeInput>
{
    public MergeInputValidator() => RuleFor(x => x.TargetId).GreaterThan(0).WithMessage("请选择合并到的投诉");
}

/// <summary>合并: a duplicate is handled with the earlier complaint; its reporter follows the target's progress.</summary>
internal sealed class MergeComplaint(ComplaintStep step, IValidator<MergeInput> validator) : UseCase<MergeInput, Complaint>(validator)
{
    public const string MergeRule = "C-MERGE";

    protected override async Task<Outcome<Complaint>> HandleAsync(MergeInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        if (await step.LoadAsync(input.TargetId, null, ct) is not { } target)
        {
            return Outcome<Complaint>.Refused(MergeRule, "要合并到的投诉不存在。");
        }
        c.MergeInto(target, step.Now);
        step.TellReporter(c, "合并办理", "您反映的问题已与同类投诉合并办理，办理结果将在此显示。");
        step.Note(target, "合并", $"合并了重复投诉 {c.TrackingCode}");
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class MergeEndpoint
{
    public static void MapMerge(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/merge", (long id, MergeInput? input, MergeComplaint merge, ComplaintQueries q, CancellationToken ct) =>
                merge.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("作为重复投诉合并到另一件投诉");
}
