using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Web.Features.Complaints.PinLock;

/// <summary>解锁查询码: the complaint whose PIN lock (<see cref="Public.PinGuard"/>) the Supervisor lifts.</summary>
internal sealed record UnlockPinInput
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class UnlockPinInputValidator : AbstractValidator<UnlockPinInput>
{
    public UnlockPinInputValidator() => RuleFor(x => x.Id).GreaterThan(0).WithMessage("请指定投诉");
}

/// <summary>解锁查询码 (Supervisor, e.g. after the reporter called): wrong tries forgotten, the lock lifted, audited.</summary>
internal sealed class UnlockPin(ComplaintStep step, IValidator<UnlockPinInput> validator) : UseCase<UnlockPinInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(UnlockPinInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, null, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        c.PinFailures = 0;
        c.PinLockedUntil = null;
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class UnlockPinEndpoint
{
    public static void MapUnlockPin(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/pin/unlock", (long id, UnlockPinInput? input, UnlockPin unlock, ComplaintQueries q, CancellationToken ct) =>
                unlock.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("解锁查询码（查询密码错误过多被锁定时）");
}
