namespace Sunlight.Web.Features.Complaints;

/// <summary>One line of the complaint's timeline. Public lines are what the reporter sees on the status page.</summary>
internal sealed class ComplaintEvent
{
    public long Id { get; set; }
    public long ComplaintId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Text { get; set; }
    public bool IsPublic { get; set; }
}

internal sealed class ComplaintAttachment
{
    public long Id { get; set; }
    public long ComplaintId { get; set; }
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
}
