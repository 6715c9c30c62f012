namespace Sunlight.Web.Features.Complaints;

/// <summary>Complaint limits (domain-rules.md defaults), configurable under <c>Sunlight:Complaints</c>.</summary>
internal sealed class ComplaintOptions
{
    /// <summary>受理 within this many working days of receipt.</summary>
    public int AcceptWorkingDays { get; set; } = 5;
    /// <summary>The assigned unit replies within this many natural days of 交办.</summary>
    public int ResolveDays { get; set; } = 30;
    /// <summary>One approved extension adds this many natural days.</summary>
    public int ExtensionDays { get; set; } = 30;
    /// <summary>到期提醒 this many working days before a deadline.</summary>
    public int RemindWorkingDaysBefore { get; set; } = 2;
    /// <summary>Duplicate suggestions look back this many days.</summary>
    public int DuplicateWindowDays { get; set; } = 30;
    public int MaxDescriptionLength { get; set; } = 5000;
    public int MaxAttachments { get; set; } = 5;
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
