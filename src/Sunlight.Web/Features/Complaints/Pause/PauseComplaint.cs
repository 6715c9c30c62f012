using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Pause;

/// <summary>暂停计时 input: why the matter waits on someone outside the unit (补正材料、鉴定检测 …).</summary>
internal sealed record PauseInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class PauseInputValidator : AbstractValidator<PauseInput>
{
    public PauseInputValidator() => RuleFor(x => x.Reason).RequiredText("暂停原因", ComplaintConfiguration.ReasonLength);
}

/// <summary>
/// 暂停计时 by the Supervisor: the deadline stops counting (no reminder, no 督办, never overdue) until 恢复计时 moves it
/// by the working days it stood still. Audited, and on the reporter's timeline.
/// </summary>
internal sealed class PauseComplaint(ComplaintStep step, IValidator<PauseInput> validator) : UseCase<PauseInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(PauseInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.Pause(input.Reason!.Trim(), step.Today, step.Now);
        step.TellReporter(c, "暂停计时", $"办理期限暂停计算，原因：{Wording.Clause(c.PauseReason)}。");
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class PauseEndpoint
{
    public static void MapPause(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/pause", (long id, PauseInput? input, PauseComplaint pause, ComplaintQueries q, CancellationToken ct) =>
                pause.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("暂停计时（等待补正、鉴定检测等，须说明原因）");
}

/// <summary>暂停计时 in the browser; the form is also embedded in the complaint page.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class PauseModel(PauseComplaint step, ComplaintQueries queries) : ComplaintStepPage<PauseInput>(step, queries)
{
    protected override PauseInput For(PauseInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已暂停计时";
}
