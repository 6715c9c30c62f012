using Sunlight.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Platform.Notifications;

namespace Sunlight.Web.Features.Complaints.Rate;

public sealed record RatingInput(string? Pin, bool Satisfied, string? Comment = null);

/// <summary>回访/评价 by the reporter (tracking code + PIN). An unsatisfied first rating reopens the complaint once.</summary>
public sealed class RateReply(ComplaintStep step, Notifier notifier)
{
    /// <summary>Null when the code and PIN do not match a complaint.</summary>
    public async Task<Complaint?> RunAsync(string trackingCode, RatingInput input, CancellationToken ct)
    {
        var c = await step.Db.PublicLookup<Complaint>().FirstOrDefaultAsync(x => x.TrackingCode == trackingCode, ct);
        if (c is null || !ComplaintCodes.VerifyPin(c.PinHash, input.Pin))
        {
            return null;
        }
        var reopened = c.Rate(input.Satisfied, string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), step.Now,
            step.Calendar.AddNaturalDays(step.Today, step.Options.ResolveDays));
        step.Db.Set<ComplaintEvent>().Add(new ComplaintEvent
        {
            ComplaintId = c.Id, At = step.Now, Actor = "投诉人", Kind = "评价", IsPublic = true,
            Text = (input.Satisfied ? "满意" : "不满意") + (c.RatingComment is null ? "" : "：" + c.RatingComment)
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
