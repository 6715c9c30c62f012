namespace Sunlight.Web.Features.Complaints.Queries;

/// <summary>
/// A complaint as staff see it. There are deliberately no identity fields: <see cref="Reporter"/> is "匿名" or "已保密"
/// for every role; Supervisors read the identity through the audited <c>/reporter</c> endpoint.
/// </summary>
internal sealed record ComplaintDto(
    long Id, string TrackingCode, ComplaintState State, string StateText, ComplaintChannel Channel, string ChannelText,
    string? IntakePlace, long CategoryId, string Category, long? ComplainedUnitId, string? ComplainedUnit,
    string? EnterpriseName, string? EnterpriseUscc, string Description, DateOnly? OccurredOn, string Reporter,
    DateTimeOffset ReceivedAt, DateOnly AcceptDueDate, long? AssignedUnitId, string? AssignedUnit, DateOnly? ResolveDueDate,
    bool DueUncertain, bool Overdue, ExtensionState Extension, string? ExtensionReason, string? DraftReply, string? ReviewComment,
    string? Reply, DateTimeOffset? RepliedAt, string? RejectionReason, long? MergedIntoId, ComplaintFinding? Finding,
    bool? Satisfied, string? RatingComment, bool Reopened, int ReturnCount, string? LastReturnReason, Guid Version,
    double? Latitude = null, double? Longitude = null, string? Address = null, string? AddressId = null, string? MediaUrl = null, DateTimeOffset? LastChangedAt = null,
    DateOnly? PausedOn = null, string? PauseReason = null, int PausedWorkingDays = 0);

internal sealed record ComplaintListItem(
    long Id, string TrackingCode, ComplaintState State, string StateText, ComplaintChannel Channel, string Category,
    string? ComplainedUnit, string? AssignedUnit, string? EnterpriseName, string Summary, DateTimeOffset ReceivedAt,
    DateOnly? DueDate, bool Overdue,
    /// <summary>The deadline in working days on the holiday calendar: 剩余 N 个工作日 / 今日到期 / 逾期 N 个工作日, or 暂停计时.</summary>
    string? DueText = null);

internal sealed record TimelineEntry(DateTimeOffset At, string Actor, string Kind, string? Text);

internal sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size);

internal sealed record DuplicateSuggestion(long Id, string TrackingCode, string StateText, DateTimeOffset ReceivedAt, double Similarity, string Why);

internal sealed record UnitSuggestion(long UnitId, string Name, string Why);

internal sealed record ComplaintDetail(
    ComplaintDto Complaint, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<DuplicateSuggestion> Duplicates, IReadOnlyList<UnitSuggestion> SuggestedUnits);

/// <summary>The reporter's view: progress and the final reply, never an identity or a staff name.</summary>
internal sealed record PublicComplaintView(
    string TrackingCode, string State, string Category, DateTimeOffset ReceivedAt, string? Reply, DateTimeOffset? RepliedAt,
    string? RejectionReason, bool CanRate, bool? Satisfied, IReadOnlyList<PublicTimelineEntry> Timeline);

internal sealed record PublicTimelineEntry(DateTimeOffset At, string Kind, string? Text);

internal sealed record ReporterDto(long ComplaintId, bool Anonymous, string? Name, string? Phone, string? Email);
