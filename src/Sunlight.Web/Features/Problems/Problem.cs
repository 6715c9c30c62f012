using System.ComponentModel;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>Where a problem was found (问题来源).</summary>
[EnumText(typeof(ProblemNames), nameof(ProblemNames.Source))]
internal enum ProblemSource
{
    SelfInspection,
    SupervisoryInspection,
    Complaint,
    CaseReview,
    Warning,
    EnterpriseVisit,
    Manual,
    Import,
}

[EnumText(typeof(ProblemNames), nameof(ProblemNames.Severity))]
internal enum ProblemSeverity
{
    Minor,
    Moderate,
    Serious,
}

/// <summary>The rectification workflow: 待制定措施 → 整改中 → 待核账 → 已销账, with 异议 on the side.</summary>
[EnumText(typeof(ProblemNames), nameof(ProblemNames.State))]
internal enum ProblemState
{
    Raised,
    Rectifying,
    AwaitingVerification,
    WrittenOff,
    Disputed,
    Dismissed,
}

/// <summary>
/// An entry of the problem list (问题清单) and its rectification (整改台账). Every state change goes through a guarded
/// method below; a step not allowed from the current state throws a <see cref="RuleViolationException"/> (409).
/// </summary>
[DisplayName("问题")]
[RecordLabel(nameof(Number))]
internal sealed class Problem : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("责任单位")]
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }

    /// <summary>问题编号, known before the first save so notifications can link to it.</summary>
    [DisplayName("问题编号")]
    public string Number { get; private set; } = "";
    [DisplayName("问题来源")]
    public ProblemSource Source { get; private set; }
    /// <summary>The record the problem came from ("Complaint", "CaseReview" ...) and its id.</summary>
    [DisplayName("来源记录类型")]
    public string? SourceType { get; private set; }
    [DisplayName("来源记录")]
    public long? SourceId { get; private set; }
    [DisplayName("问题类别")]
    public string Category { get; private set; } = "";
    [DisplayName("严重程度")]
    public ProblemSeverity Severity { get; private set; }
    [DisplayName("问题描述")]
    public string Description { get; private set; } = "";
    [DisplayName("发现日期")]
    public DateOnly FoundOn { get; private set; }
    [DisplayName("发现人")]
    public string FoundBy { get; private set; } = "";
    [DisplayName("登记日期")]
    public DateOnly RaisedOn { get; private set; }
    /// <summary>The unit must propose measures by this day; later it shows as 未制定整改措施 in the reconcile view.</summary>
    [DisplayName("制定措施期限")]
    public DateOnly PlanDueOn { get; private set; }

    [DisplayName("状态")]
    public ProblemState State { get; private set; }

    [DisplayName("整改措施")]
    public string? Measures { get; private set; }
    [DisplayName("整改时限")]
    public DateOnly? Deadline { get; private set; }
    /// <summary>The deadline was computed with days outside the loaded holiday calendar.</summary>
    [DisplayName("时限待核实")]
    public bool DeadlineUncertain { get; private set; }
    [DisplayName("最新进展")]
    public string? LatestProgress { get; private set; }
    [DisplayName("完成情况")]
    public string? Completion { get; private set; }
    [DisplayName("提交核账时间")]
    public DateTimeOffset? SubmittedAt { get; private set; }
    [DisplayName("核查意见")]
    public string? VerificationOpinion { get; private set; }
    [DisplayName("核账人")]
    public string? VerifiedBy { get; private set; }
    [DisplayName("销账日期")]
    public DateOnly? WrittenOffOn { get; private set; }
    [DisplayName("退回次数")]
    public int RejectionCount { get; private set; }
    [DisplayName("重新打开次数")]
    public int ReopenCount { get; private set; }

    /// <summary>Clock paused (等待企业整改条件、鉴定检测 …) since this day; never overdue or escalated while paused.</summary>
    [DisplayName("暂停计时日期")]
    public DateOnly? PausedOn { get; private set; }
    [DisplayName("暂停理由")]
    public string? PauseReason { get; private set; }
    /// <summary>Working days the clock stood still in earlier pauses (the due day was moved by as many).</summary>
    [DisplayName("已暂停工作日")]
    public int PausedWorkingDays { get; private set; }

    [DisplayName("异议理由")]
    public string? DisputeReason { get; private set; }
    [DisplayName("裁定意见")]
    public string? DisputeRuling { get; private set; }
    [DisplayName("异议前状态")]
    public ProblemState? StateBeforeDispute { get; private set; }

    public Guid Version { get; set; }

    public static Problem Raise(EnforcementUnit unit, ProblemSource source, string? sourceType, long? sourceId, string category,
        ProblemSeverity severity, string description, DateOnly foundOn, string foundBy, DateOnly today, DateOnly planDueOn) => new()
    {
        RegionCode = unit.RegionCode,
        UnitId = unit.Id,
        Number = $"WT{today:yyyyMMdd}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
        Source = source,
        SourceType = sourceType,
        SourceId = sourceId,
        Category = category.Trim(),
        Severity = severity,
        Description = description.Trim(),
        FoundOn = foundOn,
        FoundBy = foundBy.Trim(),
        RaisedOn = today,
        PlanDueOn = planDueOn,
        State = ProblemState.Raised,
    };

    /// <summary>The state conflict every guarded step refuses with (409).</summary>
    public const string StateRule = "R-STATE";

    /// <summary>The detail page of a problem, for notifications and escalations.</summary>
    public static string DetailsLink(string number) => $"/Problems/Details?no={number}";

    public bool IsOverdueOn(DateOnly today) => ProblemLateness.IsOverdue(State, Deadline, today, PausedOn);

    public bool IsPlanLateOn(DateOnly today) => ProblemLateness.IsPlanLate(State, PlanDueOn, today, PausedOn);

    public const string PauseRule = "R-PAUSE", ResumeRule = "R-RESUME";

    /// <summary>暂停计时: only while a clock runs for the unit (measures due, or rectification under way).</summary>
    public void Pause(string reason, DateOnly today)
    {
        if (State is not (ProblemState.Raised or ProblemState.Rectifying))
        {
            throw new RuleViolationException(PauseRule, $"{ProblemNames.State(State)}的问题没有在计的期限，不能暂停计时。");
        }
        if (PausedOn is not null)
        {
            throw new RuleViolationException(PauseRule, $"该问题已于 {PausedOn:yyyy-MM-dd} 暂停计时，请先恢复计时。");
        }
        PausedOn = today;
        PauseReason = reason.Trim();
    }

    /// <summary>恢复计时: the running due day (整改时限, or the day measures are due) moves by the paused working days.</summary>
    public void Resume(int pausedDays, Func<DateOnly, Sunlight.Web.Infrastructure.Calendar.Deadline> moved)
    {
        if (PausedOn is null)
        {
            throw new RuleViolationException(ResumeRule, "该问题正在计时，没有暂停，无需恢复计时。");
        }
        if (State == ProblemState.Rectifying && Deadline is { } deadline)
        {
            var due = moved(deadline);
            (Deadline, DeadlineUncertain) = (due.Date, DeadlineUncertain || due.Uncertain);
        }
        else if (State == ProblemState.Raised)
        {
            PlanDueOn = moved(PlanDueOn).Date;
        }
        PausedWorkingDays += pausedDays;
        PausedOn = null;
        PauseReason = null;
    }

    /// <summary>The unit proposes measures and a deadline; the caller checks the deadline is not in the past.</summary>
    public void ProposeMeasures(string measures, DateOnly deadline, bool uncertain)
    {
        Require(ProblemState.Raised, "制定整改措施");
        Measures = measures.Trim();
        Deadline = deadline;
        DeadlineUncertain = uncertain;
        State = ProblemState.Rectifying;
    }

    public ProblemProgress AddProgress(string note, string by, DateTimeOffset at)
    {
        Require(ProblemState.Rectifying, "报送整改进展");
        LatestProgress = note.Trim();
        return new ProblemProgress { Problem = this, RegionCode = RegionCode, UnitId = UnitId, Note = note.Trim(), CreatedBy = by, CreatedAt = at };
    }

    public void Submit(string completion, DateTimeOffset at)
    {
        Require(ProblemState.Rectifying, "提交核账");
        Completion = completion.Trim();
        SubmittedAt = at;
        State = ProblemState.AwaitingVerification;
    }

    /// <summary>核账: accepted → 销账 with date and verifier; rejected → back to rectification with the reason.</summary>
    public void Verify(bool accept, string opinion, string verifier, DateOnly today)
    {
        Require(ProblemState.AwaitingVerification, "核账");
        VerificationOpinion = opinion.Trim();
        VerifiedBy = verifier;
        if (accept)
        {
            WrittenOffOn = today;
            State = ProblemState.WrittenOff;
        }
        else
        {
            RejectionCount++;
            State = ProblemState.Rectifying;
        }
    }

    /// <summary>Put before the reopen reason in <see cref="VerificationOpinion"/>.</summary>
    public const string ReopenPrefix = "重新打开：";

    /// <summary>The problem recurred: the unit proposes new measures.</summary>
    public void Reopen(string reason, DateOnly planDueOn)
    {
        Require(ProblemState.WrittenOff, "重新打开");
        ReopenCount++;
        PlanDueOn = planDueOn;
        VerificationOpinion = ReopenPrefix + reason.Trim();
        WrittenOffOn = null;
        Measures = null;
        Deadline = null;
        DeadlineUncertain = false;
        Completion = null;
        SubmittedAt = null;
        State = ProblemState.Raised;
    }

    public void Dispute(string reason)
    {
        if (State is not (ProblemState.Raised or ProblemState.Rectifying))
        {
            throw Refused("提出异议");
        }
        DisputeReason = reason.Trim();
        DisputeRuling = null;
        StateBeforeDispute = State;
        State = ProblemState.Disputed;
    }

    /// <summary>The Supervisor rules: a dispute upheld dismisses the problem; rejected, the rectification continues.</summary>
    public void RuleOnDispute(bool upheld, string ruling)
    {
        Require(ProblemState.Disputed, "裁定异议");
        DisputeRuling = ruling.Trim();
        State = upheld ? ProblemState.Dismissed : StateBeforeDispute ?? ProblemState.Raised;
        StateBeforeDispute = null;
    }

    private void Require(ProblemState expected, string step)
    {
        if (State != expected)
        {
            throw Refused(step);
        }
    }

    private RuleViolationException Refused(string step) =>
        new(StateRule, $"问题当前状态为“{ProblemNames.State(State)}”，不能{step}。");
}

/// <summary>One progress report (整改进展) of the unit, with its evidence files.</summary>
[DisplayName("整改进展")]
internal sealed class ProblemProgress : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("单位")]
    public long UnitId { get; set; }
    [DisplayName("问题")]
    public long ProblemId { get; set; }
    public Problem? Problem { get; set; }
    [DisplayName("进展说明")]
    public string Note { get; set; } = "";
    [DisplayName("报送人")]
    public string CreatedBy { get; set; } = "";
    [DisplayName("报送时间")]
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProblemEvidence> Evidence { get; set; } = [];
}

/// <summary>An evidence file attached to a progress report; the file itself lives in the attachment store.</summary>
[DisplayName("整改证明材料")]
internal sealed class ProblemEvidence : IAuditable
{
    public long Id { get; set; }
    [DisplayName("整改进展")]
    public long ProblemProgressId { get; set; }
    [DisplayName("文件")]
    public long StoredFileId { get; set; }
    public Infrastructure.Files.StoredFile? File { get; set; }
}

/// <summary>问题类别 dictionary, edited by Admin and Supervisors; the forms offer the active entries.</summary>
[DisplayName("问题类别")]
[RecordLabel(nameof(Name))]
internal sealed class ProblemCategory : IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("名称")]
    public string Name { get; set; } = "";
    [DisplayName("排序")]
    public int SortOrder { get; set; }
    [DisplayName("启用")]
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}
