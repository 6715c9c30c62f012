using System.ComponentModel;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency;

/// <summary>The kind of a unit's list (清单类别).</summary>
[EnumText(typeof(LeniencyNames), nameof(LeniencyNames.Of))]
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
[EnumText(typeof(LeniencyNames), nameof(LeniencyNames.Of))]
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
[DisplayName("柔性执法清单")]
internal sealed class LeniencyList : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("清单类别")]
    public ListKind Kind { get; set; }
    /// <summary>版本号, 1, 2, … per unit and kind.</summary>
    [DisplayName("版本号")]
    public int Number { get; set; }
    [DisplayName("状态")]
    public ListState State { get; set; }
    /// <summary>公示: set when approved, cleared when superseded.</summary>
    [DisplayName("公示")]
    public bool IsPublished { get; set; }
    [DisplayName("创建时间")]
    public DateTimeOffset CreatedAt { get; set; }
    [DisplayName("创建人")]
    public string CreatedBy { get; set; } = "";
    [DisplayName("批准时间")]
    public DateTimeOffset? ApprovedAt { get; set; }
    [DisplayName("批准人")]
    public string? ApprovedBy { get; set; }
    public Guid Version { get; set; }
    public List<ListItem> Items { get; set; } = [];
}

/// <summary>
/// One entry of a list: the item (事项; for 行政指导 the matter), its conditions (each a separate checkable line), the
/// legal basis, a note, and for 行政指导事项 the form (方式) / for 柔性执法一件事 the method (引导、示范、教育、劝告).
/// </summary>
[DisplayName("清单事项")]
[RecordLabel(nameof(Name))]
internal sealed class ListItem : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("所属清单")]
    public long ListId { get; set; }
    public LeniencyList? List { get; set; }
    [DisplayName("序号")]
    public int Order { get; set; }
    [DisplayName("事项名称")]
    public string Name { get; set; } = "";
    [DisplayName("法律依据")]
    public string LegalBasis { get; set; } = "";
    [DisplayName("方式")]
    public string? Form { get; set; }
    [DisplayName("备注")]
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
[EnumText(typeof(LeniencyNames), nameof(LeniencyNames.Of))]
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
[DisplayName("免罚案件")]
[RecordLabel(nameof(Number))]
internal sealed class ExemptionCase : IUnitOwned, IAuditable, IVersioned, IHasState, IEnterpriseLinked
{
    public static string EnterpriseKey => nameof(Uscc);
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    /// <summary>编号, unique within the unit (e.g. 免罚〔2026〕12号).</summary>
    [DisplayName("编号")]
    public string Number { get; set; } = "";
    [DisplayName("清单事项")]
    public long ListItemId { get; set; }
    [DisplayName("清单类别")]
    public ListKind Kind { get; set; }
    /// <summary>The item's name when recorded (matched against the case register's ItemName).</summary>
    [DisplayName("事项名称")]
    public string ItemName { get; set; } = "";
    [DisplayName("法律依据")]
    public string LegalBasis { get; set; } = "";
    [DisplayName("统一社会信用代码")]
    public string Uscc { get; set; } = "";
    [DisplayName("企业名称")]
    public string EnterpriseName { get; set; } = "";
    [DisplayName("违法事实")]
    public string Facts { get; set; } = "";
    [DisplayName("违法行为日期")]
    public DateOnly ViolationOn { get; set; }
    /// <summary>处理日期: the day the exemption was decided; the first-violation window ends here.</summary>
    [DisplayName("处理日期")]
    public DateOnly DecidedOn { get; set; }
    /// <summary>教育情况 (Art. 33: the party must be educated).</summary>
    [DisplayName("教育情况")]
    public string Education { get; set; } = "";
    [DisplayName("整改期限")]
    public DateOnly CorrectionDeadline { get; set; }
    /// <summary>签字的告知承诺书 (shared file store).</summary>
    [DisplayName("签字的告知承诺书")]
    public long? SignedLetterFileId { get; set; }
    [DisplayName("承诺履行情况")]
    public PledgeState State { get; set; }
    [DisplayName("履行证据")]
    public string? PledgeEvidence { get; set; }
    [DisplayName("履行登记日期")]
    public DateOnly? PledgeRecordedOn { get; set; }
    /// <summary>Set by the daily sweep when the deadline passed without confirmed correction: proceed to a penalty.</summary>
    [DisplayName("逾期转处罚标记日期")]
    public DateOnly? OverdueFlaggedOn { get; set; }
    /// <summary>转立案: the 行政处罚 case registered after the pledge was broken or the deadline passed (once).</summary>
    [DisplayName("转立案的处罚案件")]
    public long? PenaltyCaseId { get; set; }
    [DisplayName("执法人员")]
    public string Officer { get; set; } = "";
    [DisplayName("登记时间")]
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
[EnumText(typeof(LeniencyNames), nameof(LeniencyNames.Of))]
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
[DisplayName("行政指导记录")]
[RecordLabel(nameof(Matter))]
internal sealed class GuidanceRecord : IUnitOwned, IAuditable, IEnterpriseLinked
{
    public static string EnterpriseKey => nameof(TargetUscc);
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("指导对象")]
    public string TargetName { get; set; } = "";
    [DisplayName("统一社会信用代码")]
    public string? TargetUscc { get; set; }
    [DisplayName("指导事项")]
    public string Matter { get; set; } = "";
    [DisplayName("指导方式")]
    public GuidanceForm Form { get; set; }
    [DisplayName("依据")]
    public string? Basis { get; set; }
    [DisplayName("指导日期")]
    public DateOnly On { get; set; }
    [DisplayName("执法人员")]
    public string Officer { get; set; } = "";
    [DisplayName("是否接受")]
    public bool? Accepted { get; set; }
    [DisplayName("指导结果")]
    public string? Result { get; set; }
    /// <summary>The request this answers, if any.</summary>
    [DisplayName("对应的指导申请")]
    public long? RequestId { get; set; }
    [DisplayName("登记时间")]
    public DateTimeOffset CreatedAt { get; set; }
}

[EnumText(typeof(LeniencyNames), nameof(LeniencyNames.Of))]
internal enum RequestState
{
    Open,      // 待答复
    Answered,  // 已答复
}

/// <summary>An enterprise's request for guidance (行政指导申请), answered by the unit within 5 WD.</summary>
[DisplayName("行政指导申请")]
[RecordLabel(nameof(EnterpriseName))]
internal sealed class GuidanceRequest : IUnitOwned, IAuditable, IVersioned, IHasState, IEnterpriseLinked
{
    public static string EnterpriseKey => nameof(Uscc);
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("统一社会信用代码")]
    public string Uscc { get; set; } = "";
    [DisplayName("企业名称")]
    public string EnterpriseName { get; set; } = "";
    [DisplayName("联系人及联系方式")]
    public string Contact { get; set; } = "";
    [DisplayName("申请指导事项")]
    public string Matter { get; set; } = "";
    [DisplayName("提交时间")]
    public DateTimeOffset SubmittedAt { get; set; }
    [DisplayName("答复期限")]
    public DateOnly DueOn { get; set; }
    [DisplayName("状态")]
    public RequestState State { get; set; }
    [DisplayName("答复内容")]
    public string? Answer { get; set; }
    [DisplayName("答复日期")]
    public DateOnly? AnsweredOn { get; set; }
    [DisplayName("答复人")]
    public string? AnsweredBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>The county's leniency settings (one row per county; absent = defaults).</summary>
[DisplayName("柔性执法设置")]
internal sealed class LeniencySetting : IRegionOwned, IAuditable
{
    public const int DefaultWindowMonths = 12;
    public const int DefaultPledgeReminderDays = 3;
    public const int DefaultGuidanceAnswerDays = 5;
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    /// <summary>首违 window: no earlier violation of the item by the enterprise in the unit within this many months.</summary>
    [DisplayName("首违认定期限（月）")]
    public int FirstViolationMonths { get; set; } = DefaultWindowMonths;
    /// <summary>How many working days before a correction deadline the unit is reminded.</summary>
    [DisplayName("整改期限提前提醒（工作日）")]
    public int PledgeReminderDays { get; set; } = DefaultPledgeReminderDays;
    /// <summary>行政指导申请的答复期限 in working days.</summary>
    [DisplayName("指导申请答复期限（工作日）")]
    public int GuidanceAnswerDays { get; set; } = DefaultGuidanceAnswerDays;
}
