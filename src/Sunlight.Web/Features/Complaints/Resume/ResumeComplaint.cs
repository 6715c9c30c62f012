using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Resume;

internal sealed record ResumeInput(Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ResumeInputValidator : AbstractValidator<ResumeInput>;

/// <summary>恢复计时: the running deadline moves by the working days the clock stood still (after the pause day, up to today).</summary>
internal sealed class ResumeComplaint(ComplaintStep step, IValidator<ResumeInput> validator) : UseCase<ResumeInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(ResumeInput input, CancellationToken ct)
    {
        if (await step.LoadAsync(input.Id, input.Version, ct) is not { } c)
        {
            return Outcome<Complaint>.Missing();
        }
        var days = step.Calendar.WorkingDaysBetween(c.PausedOn ?? step.Today, step.Today);
        c.Resume(days, due => step.Calendar.AddWorkingDays(due, days), step.Now);
        var due = c.State is ComplaintState.Received or ComplaintState.Accepted ? c.AcceptDueDate : c.ResolveDueDate;
        step.TellReporter(c, "恢复计时", $"办理期限恢复计算，共暂停 {days} 个工作日" + (due is { } d ? $"，期限顺延至 {d:yyyy-MM-dd}。" : "。"));
        await step.SaveAsync(ct);
        return c;
    }
}

internal static class ResumeEndpoint
{
    public static void MapResume(this RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:long}/resume", (long id, ResumeInput? input, ResumeComplaint resume, ComplaintQueries q, CancellationToken ct) =>
                resume.RunAsync(input is null ? null : input with { Id = id }, ct).ToComplaintAsync(q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("恢复计时（期限按暂停的工作日顺延）");
}

/// <summary>恢复计时 in the browser; the form is also embedded in the complaint page.</summary>
[Authorize(Policy = ComplaintPolicies.Supervise)]
internal sealed class ResumeModel(ResumeComplaint step, ComplaintQueries queries) : ComplaintStepPage<ResumeInput>(step, queries)
{
    protected override ResumeInput For(ResumeInput input, long id) => input with { Id = id };
    protected override string Done(Complaint c) => "已恢复计时";
}
