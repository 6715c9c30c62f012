using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency;

/// <summary>The kind of a unit's list (清单类别).</summary>
internal enum ListKind
{
    NoPenalty,        // 不予处罚
    FirstViolation,   // 首违不罚
    MinorViolation,   // 轻微违法免罚
    Lighter,          // 从轻处罚
    Mitigated,        // 减轻处罚
    NoCoercion,       // 免予行政强制
    FlexibleMatters,  // 柔性执法一件事
    Guidance,         // 行政指导事项
}

/// <summary>A list version's approval state: a draft is edited by the unit, approved by the Supervisor, replaced by the next approved version.</summary>
internal enum ListState
{
    Draft,       // 草稿
    Approved,    // 已批准（公示）
    Superseded,  // 已被新版本替代
}

/// <summary>
/// A unit's list of one kind, versioned: version N is a draft until the Supervisor approves it, which publishes it (for
/// the public portal) and supersedes the version approved before. Items are <see cref="ListItem"/>s (柔性执法一件事 and
/// 行政指导事项 are items of lists of those kinds: one list, version and approval mechanism for all).
/// </summary>
internal sealed class LeniencyList : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public ListKind Kind { get; set; }
    /// <summary>版本号, 1, 2, … per unit and kind.</summary>
    public int Number { get; set; }
    public ListState State { get; set; }
    /// <summary>公示: set when approved, cleared when superseded.</summary>
    public bool IsPublished { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public Guid Version { get; set; }
    public List<ListItem> Items { get; set; } = [];
}

/// <summary>
/// One entry of a list: the item (事项; for 行政指导 the matter), its conditions (each a separate checkable line), the
/// legal basis, a note, and for 行政指导事项 the form (方式) / for 柔性执法一件事 the method (引导、示范、教育、劝告).
/// </summary>
internal sealed class ListItem : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public long ListId { get; set; }
    public LeniencyList? List { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string? Form { get; set; }
    public string? Note { get; set; }
    public List<ListCondition> Conditions { get; set; } = [];
}

/// <summary>One condition of a list item (适用条件), confirmed one by one when an exemption is recorded.</summary>
internal sealed class ListCondition
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>告知承诺 follow-up: whether the party corrected by the deadline.</summary>
internal enum PledgeState
{
    Pending,  // 待整改
    Kept,     // 已按期整改
    Broken,   // 未按承诺整改
}

/// <summary>
/// 免罚案件: an enterprise's violation handled under an approved list item without penalty (Art. 33), after the
/// first-violation check, every condition confirmed and the party educated; a 告知承诺书 with a correction deadline
/// follows, its signed copy is uploaded, and the pledge is followed up (kept / broken → proceed to a penalty).
/// </summary>
internal sealed class ExemptionCase : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    /// <summary>编号, unique within the unit (e.g. 免罚〔2026〕12号).</summary>
    public string Number { get; set; } = "";
    public long ListItemId { get; set; }
    public ListKind Kind { get; set; }
    /// <summary>The item's name when recorded (matched against the case register's ItemName).</summary>
    public string ItemName { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string Uscc { get; set; } = "";
    public string EnterpriseName { get; set; } = "";
    public string Facts { get; set; } = "";
    public DateOnly ViolationOn { get; set; }
    /// <summary>处理日期: the day the exemption was decided; the first-violation window ends here.</summary>
    public DateOnly DecidedOn { get; set; }
    /// <summary>教育情况 (Art. 33: the party must be educated).</summary>
    public string Education { get; set; } = "";
    public DateOnly CorrectionDeadline { get; set; }
    /// <summary>签字的告知承诺书 (shared file store).</summary>
    public long? SignedLetterFileId { get; set; }
    public PledgeState State { get; set; }
    public string? PledgeEvidence { get; set; }
    public DateOnly? PledgeRecordedOn { get; set; }
    /// <summary>Set by the daily sweep when the deadline passed without confirmed correction: proceed to a penalty.</summary>
    public DateOnly? OverdueFlaggedOn { get; set; }
    public string Officer { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }
    public List<ExemptionCondition> Conditions { get; set; } = [];
}

/// <summary>A condition of the item as confirmed for this case (text copied from the list item).</summary>
internal sealed class ExemptionCondition
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>行政指导的方式.</summary>
internal enum GuidanceForm
{
    Advice,         // 建议
    Coaching,       // 辅导
    Reminder,       // 提醒
    Persuasion,     // 规劝
    Demonstration,  // 示范
    Interview,      // 约谈
    FollowUp,       // 回访
}

/// <summary>行政指导记录: target, matter, form, basis, date, officer, whether accepted, result.</summary>
internal sealed class GuidanceRecord : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public string TargetName { get; set; } = "";
    public string? TargetUscc { get; set; }
    public string Matter { get; set; } = "";
    public GuidanceForm Form { get; set; }
    public string? Basis { get; set; }
    public DateOnly On { get; set; }
    public string Officer { get; set; } = "";
    public bool? Accepted { get; set; }
    public string? Result { get; set; }
    /// <summary>The request this answers, if any.</summary>
    public long? RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal enum RequestState
{
    Open,      // 待答复
    Answered,  // 已答复
}

/// <summary>An enterprise's request for guidance (行政指导申请), answered by the unit within 5 WD.</summary>
internal sealed class GuidanceRequest : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public string Uscc { get; set; } = "";
    public string EnterpriseName { get; set; } = "";
    public string Contact { get; set; } = "";
    public string Matter { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateOnly DueOn { get; set; }
    public RequestState State { get; set; }
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? AnsweredBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>The county's leniency settings (one row per county; absent = defaults).</summary>
internal sealed class LeniencySetting : IRegionOwned, IAuditable
{
    public const int DefaultWindowMonths = 12;
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    /// <summary>首违 window: no earlier violation of the item by the enterprise in the unit within this many months.</summary>
    public int FirstViolationMonths { get; set; } = DefaultWindowMonths;
}
