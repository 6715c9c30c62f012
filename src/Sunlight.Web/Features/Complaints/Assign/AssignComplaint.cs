using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.Complaints.Assign;

/// <summary>交办 input: the unit, an optional deadline (default 30 days) and the Supervisor's note to the unit.</summary>
internal sealed record AssignInput(long UnitId, DateOnly? DueDate = null, string? Note = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AssignInputValidator : AbstractValidator<AssignInput>
{
    public AssignInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择交办单位");
        RuleFor(x => x.DueDate).Must(d => d is null || d > ChinaTime.Today(clock)).WithMessage("办理期限必须晚于今天");
        RuleFor(x => x.Note).OptionalText("交办意见", ComplaintConfiguration.ReasonLength);
    }
}

/// <summary>
/// 交办 to a unit with a deadline (default: 30 days, rolled to a working day). The unit is told about the matter;
/// the referral carries no identity — the unit's DTOs have no identity fields at all.
/// </summary>
internal sealed class AssignComplaint(ComplaintStep step, Notifier notifier, IValidator<AssignInput> validator)
    : UseCase<AssignInput, Complaint>(validator)
{
    public const string UnitRule = "C-UNIT";

    protected override async Task<Outcome<Complaint>> HandleAsync(AssignInput input, CancellationToken ct)
    {
        var c = await step.LoadAsync(input.Id, input.Version, ct);
        if (c is null)
        {
            return Outcome<Complaint>.Missing();
        }
        var unit = await step.Db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement && u.IsActive, ct);
        if (unit is null)
        {
            return Outcome<Complaint>.Refused(UnitRule, "交办单位不存在或已停用。");
        }
        var due = input.DueDate is { } d ? new Deadline(d, false) : step.Calendar.AddNaturalDays(step.Today, step.Options.ResolveDays);
        c.Assign(unit.Id, step.Now, due, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
        step.TellReporter(c, "交办", "已转相关部门办理。");
        await notifier.ToUnitAsync(unit.Id, $"投诉交办：{c.TrackingCode}", $"县司法局交办投诉 {c.TrackingCode}，请于 {due.Date:yyyy-MM-dd} 前办理并答复。", $"/Complaints/Detail/{c.Id}", ct);
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class AssignEndpoint
{
    public static void MapAssign(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/assign", (long id, AssignInput? input, AssignComplaint assign, ComplaintQueries q, CancellationToken ct) =>
                assign.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("交办（默认办理期限 30 日）");
}
