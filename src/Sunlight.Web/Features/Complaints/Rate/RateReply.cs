using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Rate;

/// <summary>评价 input: the PIN, satisfied or not, and an optional comment; the complaint is the route's tracking code.</summary>
internal sealed record RatingInput(string? Pin, bool Satisfied, string? Comment = null)
{
    [JsonIgnore] public string TrackingCode { get; init; } = "";
}

internal sealed class RatingInputValidator : AbstractValidator<RatingInput>
{
    public RatingInputValidator()
    {
        RuleFor(x => x.Comment).OptionalText("评价意见", ComplaintConfiguration.ReasonLength);
        RuleFor(x => x.Pin).RequiredText("查询密码", 20);
    }
}

/// <summary>
/// 回访/评价 by the reporter (tracking code + PIN; a wrong code or PIN is not found, indistinguishably). One rating per
/// reply (C-RATED); an unsatisfied first rating reopens the complaint once.
/// </summary>
internal sealed class RateReply(ComplaintStep step, Public.PinGuard pins, Notifier notifier, IValidator<RatingInput> validator) : UseCase<RatingInput, Complaint>(validator)
{
    protected override async Task<Outcome<Complaint>> HandleAsync(RatingInput input, CancellationToken ct)
    {
        var code = input.TrackingCode.Trim().ToUpperInvariant();
        var check = await pins.CheckAsync(await step.Db.PublicLookup<Complaint>().FirstOrDefaultAsync(x => x.TrackingCode == code, ct), input.Pin, ct);
        if (check.Value is not { } c)
        {
            return check;
        }
        var reopened = c.Rate(input.Satisfied, string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), step.Now,
            step.Calendar.AddNaturalDays(step.Today, step.Options.ResolveDays));
        step.Db.Set<ComplaintEvent>().Add(new ComplaintEvent
        {
            ComplaintId = c.Id, At = step.Now, Actor = "投诉人", Kind = "评价", IsPublic = true,
            Text = (input.Satisfied ? "满意" : "不满意") + (c.RatingComment is null ? "" : "：" + Wording.Clause(c.RatingComment))
                + (reopened ? "。已重新交办办理（回访）。" : ""),
        });
        if (reopened)
        {
            await notifier.ToUnitAsync(c.AssignedUnitId!.Value, $"投诉人不满意，重新办理：{c.TrackingCode}",
                $"请于 {c.ResolveDueDate:yyyy-MM-dd} 前重新办理并答复。", $"/Complaints/Detail/{c.Id}", ct);
        }
        await step.SaveAsync(ct);
        return c;
    }
}
