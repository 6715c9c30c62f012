using System.ComponentModel;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>受理 → 交办 → 办理 → 答复 → 办结 (domain-rules.md, "Complaints about enforcement").</summary>
[EnumText(typeof(ComplaintText), nameof(ComplaintText.State))]
internal enum ComplaintState
{
    /// <summary>已接收（待受理）</summary>
    Received,
    /// <summary>已受理（待交办）</summary>
    Accepted,
    /// <summary>不予受理</summary>
    Rejected,
    /// <summary>已合并办理</summary>
    Merged,
    /// <summary>已交办（单位办理中）</summary>
    Assigned,
    /// <summary>答复待审核</summary>
    ReplyDrafted,
    /// <summary>已答复</summary>
    Replied,
    /// <summary>已办结</summary>
    Closed,
}

[EnumText(typeof(ComplaintText), nameof(ComplaintText.Channel))]
internal enum ComplaintChannel
{
    WebForm,
    IntakePoint,
    Phone,
    Email,
    Letter,
    WalkIn,
    Hotline12345,
    Open311,
}

[EnumText(typeof(ComplaintText), nameof(ComplaintText.Finding))]
internal enum ComplaintFinding
{
    /// <summary>属实</summary>
    Substantiated,
    /// <summary>部分属实</summary>
    PartlySubstantiated,
    /// <summary>不属实</summary>
    NotSubstantiated,
}

[EnumText(typeof(ComplaintText), nameof(ComplaintText.Extension))]
internal enum ExtensionState
{
    None,
    Requested,
    Approved,
    Denied,
}

/// <summary>
/// 投诉举报. Not unit-owned: it has no unit until it is assigned (交办), so visibility goes through
/// <see cref="ComplaintAccess"/> (UnitStaff: only complaints assigned to their unit). The reporter's identity is kept
/// encrypted in <see cref="ReporterProtected"/> and never leaves the server except through <c>ReporterIdentityReader</c>.
/// </summary>
[DisplayName("投诉举报")]
[RecordLabel(nameof(TrackingCode))]
internal sealed class Complaint : IRegionOwned, IAuditable, IVersioned, IHasState, IEnterpriseLinked
{
    public static string EnterpriseKey => nameof(EnterpriseUscc);
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("查询码")]
    public string TrackingCode { get; set; } = "";
    [AuditSecret]
    [DisplayName("查询密码")]
    public string PinHash { get; set; } = "";
    [AuditSecret]
    [DisplayName("接口凭据")]
    public string Open311Token { get; set; } = "";
    /// <summary>Wrong PINs tried since the last right one (<see cref="Public.PinGuard"/>).</summary>
    [DisplayName("查询密码错误次数")]
    public int PinFailures { get; set; }
    /// <summary>Set when <see cref="Public.PinGuard.MaxFailures"/> wrong PINs were tried: no PIN is checked before then.</summary>
    [DisplayName("查询锁定至")]
    public DateTimeOffset? PinLockedUntil { get; set; }

    [DisplayName("投诉渠道")]
    public ComplaintChannel Channel { get; set; }
    [DisplayName("征集点")]
    public long? IntakePointId { get; set; }
    /// <summary>Where the complaint came in (the intake point's place, or the staff member's note).</summary>
    [DisplayName("来源地点")]
    public string? IntakePlace { get; set; }

    [DisplayName("投诉类别")]
    public long CategoryId { get; set; }
    public ComplaintCategory? Category { get; set; }
    [DisplayName("被投诉单位")]
    public long? ComplainedUnitId { get; set; }
    [DisplayName("企业名称")]
    public string? EnterpriseName { get; set; }
    [DisplayName("企业统一社会信用代码")]
    public string? EnterpriseUscc { get; set; }
    [DisplayName("投诉内容")]
    public string Description { get; set; } = "";
    [DisplayName("发生日期")]
    public DateOnly? OccurredOn { get; set; }

    /// <summary>Where the matter happened, as the reporter gave it (Open311 <c>lat</c>/<c>long</c>, <c>address_string</c>,
    /// <c>address_id</c>). A place, not the reporter's identity: it is public like the category.</summary>
    [DisplayName("纬度")]
    public double? Latitude { get; set; }
    [DisplayName("经度")]
    public double? Longitude { get; set; }
    [DisplayName("地址")]
    public string? Address { get; set; }
    [DisplayName("地址编号")]
    public string? AddressId { get; set; }
    /// <summary>A picture the reporter's client links to (Open311 <c>media_url</c>); never fetched by the server.</summary>
    [DisplayName("图片链接")]
    public string? MediaUrl { get; set; }

    [DisplayName("匿名")]
    public bool IsAnonymous { get; set; }
    [AuditSecret]
    [DisplayName("投诉人身份")]
    public string? ReporterProtected { get; set; }

    [DisplayName("状态")]
    public ComplaintState State { get; private set; }
    [DisplayName("收到时间")]
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>When the state last changed (received, then every transition through <see cref="MoveTo"/>): Open311's
    /// <c>updated_datetime</c>, which a poller compares with its own last update, so it must move on every change.</summary>
    [DisplayName("最近变更时间")]
    public DateTimeOffset LastChangedAt { get; set; }
    [DisplayName("受理期限")]
    public DateOnly AcceptDueDate { get; set; }
    [DisplayName("受理期限待核实")]
    public bool AcceptDueUncertain { get; set; }
    [DisplayName("受理时间")]
    public DateTimeOffset? AcceptedAt { get; private set; }
    [DisplayName("不予受理理由")]
    public string? RejectionReason { get; private set; }
    [DisplayName("合并至")]
    public long? MergedIntoId { get; private set; }

    [DisplayName("办理单位")]
    public long? AssignedUnitId { get; private set; }
    [DisplayName("交办时间")]
    public DateTimeOffset? AssignedAt { get; private set; }
    [DisplayName("办理期限")]
    public DateOnly? ResolveDueDate { get; private set; }
    [DisplayName("办理期限待核实")]
    public bool ResolveDueUncertain { get; private set; }
    [DisplayName("交办意见")]
    public string? AssignmentNote { get; private set; }
    [DisplayName("退回次数")]
    public int ReturnCount { get; private set; }
    [DisplayName("退回理由")]
    public string? LastReturnReason { get; private set; }

    /// <summary>Clock paused (等待补正材料、鉴定检测 …) since this day; paused working days do not count toward the deadline.</summary>
    [DisplayName("暂停计时日期")]
    public DateOnly? PausedOn { get; private set; }
    [DisplayName("暂停理由")]
    public string? PauseReason { get; private set; }
    /// <summary>Working days the clock stood still in earlier pauses (the deadline was moved by as many).</summary>
    [DisplayName("已暂停工作日")]
    public int PausedWorkingDays { get; private set; }
    public bool IsPaused => PausedOn is not null;

    [DisplayName("延期")]
    public ExtensionState Extension { get; private set; }
    [DisplayName("延期理由")]
    public string? ExtensionReason { get; private set; }

    [DisplayName("答复草稿")]
    public string? DraftReply { get; private set; }
    [DisplayName("审核意见")]
    public string? ReviewComment { get; private set; }
    [DisplayName("答复")]
    public string? Reply { get; private set; }
    [DisplayName("答复时间")]
    public DateTimeOffset? RepliedAt { get; private set; }

    [DisplayName("办结时间")]
    public DateTimeOffset? ClosedAt { get; private set; }
    [DisplayName("核查结论")]
    public ComplaintFinding? Finding { get; private set; }
    [DisplayName("已列入问题清单")]
    public bool ProblemRaised { get; set; }

    [DisplayName("满意")]
    public bool? Satisfied { get; private set; }
    [DisplayName("评价意见")]
    public string? RatingComment { get; private set; }
    [DisplayName("评价时间")]
    public DateTimeOffset? RatedAt { get; private set; }
    /// <summary>How many replies the reporter has been shown, and which of them they rated (one rating per reply).</summary>
    [DisplayName("答复轮次")]
    public int ReplyRound { get; private set; }
    [DisplayName("已评价轮次")]
    public int RatedRound { get; private set; }
    public bool CanRate => State is ComplaintState.Replied or ComplaintState.Closed && RatedRound < ReplyRound;
    [DisplayName("重新办理")]
    public bool Reopened { get; private set; }

    public Guid Version { get; set; }

    public List<ComplaintEvent> Events { get; set; } = [];
    public List<ComplaintAttachment> Attachments { get; set; } = [];

    public bool IsOpen => State is ComplaintState.Received or ComplaintState.Accepted or ComplaintState.Assigned or ComplaintState.ReplyDrafted;

    /// <summary>Late for 受理/交办 or for the unit's reply, as of <paramref name="today"/>; never while the clock is paused.</summary>
    public bool IsOverdue(DateOnly today) => !IsPaused && State switch
    {
        ComplaintState.Received or ComplaintState.Accepted => today > AcceptDueDate,
        ComplaintState.Assigned or ComplaintState.ReplyDrafted => ResolveDueDate is { } due && today > due,
        _ => false,
    };

    public void Accept(DateTimeOffset now)
    {
        Require(ComplaintState.Received, "只有待受理的投诉才能受理。");
        MoveTo(ComplaintState.Accepted, now);
        AcceptedAt = now;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        Require(ComplaintState.Received, "只有待受理的投诉才能不予受理。");
        MoveTo(ComplaintState.Rejected, now);
        RejectionReason = reason;
    }

    public void MergeInto(Complaint target, DateTimeOffset now)
    {
        if (State is not (ComplaintState.Received or ComplaintState.Accepted))
        {
            throw new RuleViolationException("C-STATE", "只有待受理或待交办的投诉才能合并。");
        }
        if (target.Id == Id || target.State is ComplaintState.Merged or ComplaintState.Rejected)
        {
            throw new RuleViolationException("C-MERGE", "不能合并到自身、已合并或不予受理的投诉。");
        }
        MoveTo(ComplaintState.Merged, now);
        MergedIntoId = target.Id;
    }

    public void Assign(long unitId, DateTimeOffset now, Deadline resolveDue, string? note)
    {
        Require(ComplaintState.Accepted, "只有已受理、待交办的投诉才能交办。");
        MoveTo(ComplaintState.Assigned, now);
        AssignedUnitId = unitId;
        AssignedAt = now;
        ResolveDueDate = resolveDue.Date;
        ResolveDueUncertain = resolveDue.Uncertain;
        AssignmentNote = note;
        Extension = ExtensionState.None;
        ExtensionReason = null;
    }

    /// <summary>退回: the unit hands the matter back (not its business, wrong unit ...); the Supervisor reassigns.</summary>
    public void Return(string reason, DateTimeOffset now)
    {
        Require(ComplaintState.Assigned, "只有办理中的投诉才能退回。");
        MoveTo(ComplaintState.Accepted, now);
        AssignedUnitId = null;
        ResolveDueDate = null;
        ReturnCount++;
        LastReturnReason = reason;
    }

    public void DraftReplyText(string text, DateTimeOffset now)
    {
        Require(ComplaintState.Assigned, "只有办理中的投诉才能提交答复。");
        MoveTo(ComplaintState.ReplyDrafted, now);
        DraftReply = text;
        ReviewComment = null;
    }

    public void ApproveReply(DateTimeOffset now)
    {
        Require(ComplaintState.ReplyDrafted, "没有待审核的答复。");
        MoveTo(ComplaintState.Replied, now);
        Reply = DraftReply;
        RepliedAt = now;
        ReplyRound++;
    }

    public void SendReplyBack(string comment, DateTimeOffset now)
    {
        Require(ComplaintState.ReplyDrafted, "没有待审核的答复。");
        MoveTo(ComplaintState.Assigned, now);
        ReviewComment = comment;
    }

    public void RequestExtension(string reason)
    {
        if (State is not (ComplaintState.Assigned or ComplaintState.ReplyDrafted))
        {
            throw new RuleViolationException("C-STATE", "只有办理中的投诉才能申请延期。");
        }
        if (Extension is not ExtensionState.None)
        {
            throw new RuleViolationException("C-EXTEND-ONCE", "办理期限只能延长一次。");
        }
        Extension = ExtensionState.Requested;
        ExtensionReason = reason;
    }

    public void DecideExtension(bool approve, Deadline? extendedDue)
    {
        if (Extension is not ExtensionState.Requested)
        {
            throw new RuleViolationException("C-STATE", "没有待审批的延期申请。");
        }
        Extension = approve ? ExtensionState.Approved : ExtensionState.Denied;
        if (approve && extendedDue is { } due)
        {
            ResolveDueDate = due.Date;
            ResolveDueUncertain = due.Uncertain;
        }
    }

    public void Close(DateTimeOffset now, ComplaintFinding finding)
    {
        Require(ComplaintState.Replied, "只有已答复的投诉才能办结。");
        MoveTo(ComplaintState.Closed, now);
        ClosedAt = now;
        Finding = finding;
    }

    /// <summary>回访: the reporter's rating; the first unsatisfied one sends the matter back to the unit once.</summary>
    public bool Rate(bool satisfied, string? comment, DateTimeOffset now, Deadline rehandleDue)
    {
        if (State is not (ComplaintState.Replied or ComplaintState.Closed))
        {
            throw new RuleViolationException("C-STATE", "答复之后才能评价。");
        }
        if (!CanRate)
        {
            throw new RuleViolationException("C-RATED", "您已评价过该投诉的答复。");
        }
        Satisfied = satisfied;
        RatingComment = comment;
        RatedAt = now;
        RatedRound = ReplyRound;
        if (satisfied || Reopened || AssignedUnitId is null)
        {
            return false;
        }
        Reopened = true;
        MoveTo(ComplaintState.Assigned, now);
        ClosedAt = null;
        Finding = null;
        ResolveDueDate = rehandleDue.Date;
        ResolveDueUncertain = rehandleDue.Uncertain;
        return true;
    }

    /// <summary>
    /// A deadline recounted after a calendar change (<see cref="Deadlines.ComplaintCalendarFollower"/>); returns the date it
    /// had when the date or its uncertainty changed, null when nothing changed.
    /// </summary>
    public DateOnly? FollowCalendar(Deadline? accept, Deadline? resolve)
    {
        if (accept is { } a && (a.Date != AcceptDueDate || a.Uncertain != AcceptDueUncertain))
        {
            var was = AcceptDueDate;
            (AcceptDueDate, AcceptDueUncertain) = (a.Date, a.Uncertain);
            return was;
        }
        if (resolve is { } r && ResolveDueDate is { } current && (r.Date != current || r.Uncertain != ResolveDueUncertain))
        {
            (ResolveDueDate, ResolveDueUncertain) = (r.Date, r.Uncertain);
            return current;
        }
        return null;
    }

    public const string PauseRule = "C-PAUSE", ResumeRule = "C-RESUME";

    /// <summary>暂停计时: the matter waits on someone outside the unit; only an open complaint whose clock runs.</summary>
    public void Pause(string reason, DateOnly today, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException(PauseRule, $"{ComplaintText.State(State)}的投诉没有在计的办理期限，不能暂停计时。");
        }
        if (IsPaused)
        {
            throw new RuleViolationException(PauseRule, $"该投诉已于 {PausedOn:yyyy-MM-dd} 暂停计时，请先恢复计时。");
        }
        PausedOn = today;
        PauseReason = reason;
        LastChangedAt = now;
    }

    /// <summary>恢复计时: the running deadline moves by the <paramref name="pausedDays"/> working days the clock stood still.</summary>
    public void Resume(int pausedDays, Func<DateOnly, Deadline> moved, DateTimeOffset now)
    {
        if (!IsPaused)
        {
            throw new RuleViolationException(ResumeRule, "该投诉正在计时，没有暂停，无需恢复计时。");
        }
        if (State is ComplaintState.Received or ComplaintState.Accepted)
        {
            var due = moved(AcceptDueDate);
            (AcceptDueDate, AcceptDueUncertain) = (due.Date, AcceptDueUncertain || due.Uncertain);
        }
        else if (State is ComplaintState.Assigned or ComplaintState.ReplyDrafted && ResolveDueDate is { } resolve)
        {
            var due = moved(resolve);
            (ResolveDueDate, ResolveDueUncertain) = (due.Date, ResolveDueUncertain || due.Uncertain);
        }
        PausedWorkingDays += pausedDays;
        PausedOn = null;
        PauseReason = null;
        LastChangedAt = now;
    }

    /// <summary>The one place the state changes: every transition also moves <see cref="LastChangedAt"/>.</summary>
    private void MoveTo(ComplaintState state, DateTimeOffset now)
    {
        State = state;
        LastChangedAt = now;
    }

    private void Require(ComplaintState expected, string message)
    {
        if (State != expected)
        {
            throw new RuleViolationException("C-STATE", message + $"（当前状态：{ComplaintText.State(State)}）");
        }
    }
}
