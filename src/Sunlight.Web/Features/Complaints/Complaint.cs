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
internal sealed class Complaint : IRegionOwned, IAuditable, IVersioned, IHasState
{
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

    [DisplayName("匿名")]
    public bool IsAnonymous { get; set; }
    [AuditSecret]
    [DisplayName("投诉人身份")]
    public string? ReporterProtected { get; set; }

    [DisplayName("状态")]
    public ComplaintState State { get; private set; }
    [DisplayName("收到时间")]
    public DateTimeOffset ReceivedAt { get; set; }
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

    /// <summary>Late for 受理/交办 or for the unit's reply, as of <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => State switch
    {
        ComplaintState.Received or ComplaintState.Accepted => today > AcceptDueDate,
        ComplaintState.Assigned or ComplaintState.ReplyDrafted => ResolveDueDate is { } due && today > due,
        _ => false,
    };

    public void Accept(DateTimeOffset now)
    {
        Require(ComplaintState.Received, "只有待受理的投诉才能受理。");
        State = ComplaintState.Accepted;
        AcceptedAt = now;
    }

    public void Reject(string reason)
    {
        Require(ComplaintState.Received, "只有待受理的投诉才能不予受理。");
        State = ComplaintState.Rejected;
        RejectionReason = reason;
    }

    public void MergeInto(Complaint target)
    {
        if (State is not (ComplaintState.Received or ComplaintState.Accepted))
        {
            throw new RuleViolationException("C-STATE", "只有待受理或待交办的投诉才能合并。");
        }
        if (target.Id == Id || target.State is ComplaintState.Merged or ComplaintState.Rejected)
        {
            throw new RuleViolationException("C-MERGE", "不能合并到自身、已合并或不予受理的投诉。");
        }
        State = ComplaintState.Merged;
        MergedIntoId = target.Id;
    }

    public void Assign(long unitId, DateTimeOffset now, Deadline resolveDue, string? note)
    {
        Require(ComplaintState.Accepted, "只有已受理、待交办的投诉才能交办。");
        State = ComplaintState.Assigned;
        AssignedUnitId = unitId;
        AssignedAt = now;
        ResolveDueDate = resolveDue.Date;
        ResolveDueUncertain = resolveDue.Uncertain;
        AssignmentNote = note;
        Extension = ExtensionState.None;
        ExtensionReason = null;
    }

    /// <summary>退回: the unit hands the matter back (not its business, wrong unit ...); the Supervisor reassigns.</summary>
    public void Return(string reason)
    {
        Require(ComplaintState.Assigned, "只有办理中的投诉才能退回。");
        State = ComplaintState.Accepted;
        AssignedUnitId = null;
        ResolveDueDate = null;
        ReturnCount++;
        LastReturnReason = reason;
    }

    public void DraftReplyText(string text)
    {
        Require(ComplaintState.Assigned, "只有办理中的投诉才能提交答复。");
        State = ComplaintState.ReplyDrafted;
        DraftReply = text;
        ReviewComment = null;
    }

    public void ApproveReply(DateTimeOffset now)
    {
        Require(ComplaintState.ReplyDrafted, "没有待审核的答复。");
        State = ComplaintState.Replied;
        Reply = DraftReply;
        RepliedAt = now;
        ReplyRound++;
    }

    public void SendReplyBack(string comment)
    {
        Require(ComplaintState.ReplyDrafted, "没有待审核的答复。");
        State = ComplaintState.Assigned;
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
        State = ComplaintState.Closed;
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
        State = ComplaintState.Assigned;
        ClosedAt = null;
        Finding = null;
        ResolveDueDate = rehandleDue.Date;
        ResolveDueUncertain = rehandleDue.Uncertain;
        return true;
    }

    private void Require(ComplaintState expected, string message)
    {
        if (State != expected)
        {
            throw new RuleViolationException("C-STATE", message + $"（当前状态：{ComplaintText.State(State)}）");
        }
    }
}
