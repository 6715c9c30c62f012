using System.ComponentModel;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>检查类型. 个案 and 非执法走访 never count against the frequency cap; every type counts in the burden view.</summary>
[EnumText(typeof(InspectionText), nameof(InspectionText.Type))]
internal enum InspectionType
{
    /// <summary>日常检查 (from a filed plan)</summary>
    Routine,
    /// <summary>个案检查 (complaint, referral, request: the trigger is stated)</summary>
    CaseDriven,
    /// <summary>专项检查 (from a filed plan)</summary>
    Special,
    /// <summary>非执法走访：调研、宣传、座谈</summary>
    Visit,
}

/// <summary>检查方式: paper and shared data are preferred over a site visit.</summary>
[EnumText(typeof(InspectionText), nameof(InspectionText.Mode))]
internal enum InspectionMode
{
    OnSite,
    Paper,
    DataCheck,
}

[EnumText(typeof(InspectionText), nameof(InspectionText.State))]
internal enum InspectionState
{
    /// <summary>已登记，待审批</summary>
    Registered,
    /// <summary>已审批（赋码）</summary>
    Approved,
    /// <summary>已完成（结果已录入）</summary>
    Done,
}

/// <summary>检查结果及后续处理.</summary>
[EnumText(typeof(InspectionText), nameof(InspectionText.Outcome))]
internal enum InspectionOutcome
{
    NoProblem,
    Guidance,
    Rectification,
    NoPenalty,
    CaseFiled,
}

/// <summary>年度检查计划: the unit's plan for the year, filed with the bureau; its items come from the unit's published list.</summary>
[DisplayName("年度检查计划")]
[RecordLabel(nameof(Title))]
internal sealed class InspectionPlan : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("年度")]
    public int Year { get; set; }
    [DisplayName("名称")]
    public string Title { get; set; } = "";
    [DisplayName("检查事项")]
    public List<long> ItemIds { get; set; } = [];
    [DisplayName("目标企业")]
    public List<long> TargetEnterpriseIds { get; set; } = [];
    [DisplayName("计划检查户数")]
    public int TargetCount { get; set; }
    [DisplayName("计划月份")]
    public List<int> Months { get; set; } = [];
    [DisplayName("报备时间")]
    public DateTimeOffset FiledAt { get; set; }
    [DisplayName("报备人")]
    public string FiledBy { get; set; } = "";
}

/// <summary>行政检查: one visit or paper check of an enterprise by one unit (a joint inspection has one per unit).</summary>
[DisplayName("行政检查")]
[RecordLabel(nameof(Code))]
internal sealed class Inspection : IUnitOwned, IAuditable, IVersioned, IHasState, IEnterpriseLinked
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("检查单位")]
    public long UnitId { get; set; }
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("检查计划")]
    public long? PlanId { get; set; }
    [DisplayName("联合检查")]
    public long? JointInspectionId { get; set; }
    [DisplayName("检查类型")]
    public InspectionType Type { get; set; }
    [DisplayName("检查起因")]
    public string? Trigger { get; set; }
    [DisplayName("检查事由")]
    public string Purpose { get; set; } = "";
    [DisplayName("检查方式")]
    public InspectionMode Mode { get; set; }
    [DisplayName("检查日期")]
    public DateOnly VisitDate { get; set; }
    [DisplayName("检查事项")]
    public List<long> ItemIds { get; set; } = [];
    [DisplayName("执法人员")]
    public List<long> OfficerIds { get; set; } = [];
    [DisplayName("状态")]
    public InspectionState State { get; set; }
    [DisplayName("登记时间")]
    public DateTimeOffset RegisteredAt { get; set; }
    [DisplayName("登记人")]
    public string RegisteredBy { get; set; } = "";
    /// <summary>Registered after the visit (补录, within 10 natural days, with its reason).</summary>
    [DisplayName("事后补录")]
    public bool IsBackfill { get; set; }
    [DisplayName("补录理由")]
    public string? BackfillReason { get; set; }
    [DisplayName("审批人")]
    public string? ApprovedBy { get; set; }
    [DisplayName("审批时间")]
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>Approved only after the visit day (emergency): flagged.</summary>
    [DisplayName("检查后补批")]
    public bool ApprovedAfterVisit { get; set; }
    [DisplayName("检查码")]
    public string? Code { get; set; }
    /// <summary>The warnings the registering staff confirmed (rule codes: I-CAP, I-QUIET, I-OVERLAP).</summary>
    [DisplayName("已确认的预警")]
    public List<string> Warnings { get; set; } = [];
    [DisplayName("检查结果")]
    public InspectionOutcome? Outcome { get; set; }
    [DisplayName("结果说明")]
    public string? ResultNote { get; set; }
    [DisplayName("结果录入时间")]
    public DateTimeOffset? ResultAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>Whether the inspection counts against the per-unit cap: 个案 and non-enforcement visits do not.</summary>
    public static bool CountsAgainstCap(InspectionType type) => type is InspectionType.Routine or InspectionType.Special;

    public void Approve(string approvedBy, DateTimeOffset now, DateOnly today, string code)
    {
        if (State != InspectionState.Registered)
        {
            throw new RuleViolationException(InspectionRules.State, "只有待审批的检查才能审批。");
        }
        if (Type == InspectionType.Visit)
        {
            throw new RuleViolationException(InspectionRules.State, "非执法走访不需审批赋码。");
        }
        State = InspectionState.Approved;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
        ApprovedAfterVisit = today > VisitDate;
        Code = code;
    }

    public void RecordResult(InspectionOutcome outcome, string? note, DateTimeOffset now)
    {
        if (State == InspectionState.Done)
        {
            throw new RuleViolationException(InspectionRules.State, "该检查已录入结果。");
        }
        if (State != InspectionState.Approved && Type != InspectionType.Visit)
        {
            throw new RuleViolationException(InspectionRules.Approval, "检查未经审批，不能录入结果：须先由单位负责人审批（紧急情况事后补批）。");
        }
        State = InspectionState.Done;
        Outcome = outcome;
        ResultNote = note;
        ResultAt = now;
    }
}

/// <summary>综合查一次 / 联合检查: one visit, one code, with a lead unit, participating units and the union of their items.</summary>
[DisplayName("联合检查")]
[RecordLabel(nameof(Code))]
internal sealed class JointInspection : IRegionOwned, IAuditable, IEnterpriseLinked
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("牵头单位")]
    public long LeadUnitId { get; set; }
    [DisplayName("参加单位")]
    public List<long> UnitIds { get; set; } = [];
    [DisplayName("检查事项（合并）")]
    public List<long> ItemIds { get; set; } = [];
    [DisplayName("检查日期")]
    public DateOnly VisitDate { get; set; }
    [DisplayName("联合检查码")]
    public string Code { get; set; } = "";
    [DisplayName("创建时间")]
    public DateTimeOffset CreatedAt { get; set; }
    [DisplayName("创建人")]
    public string CreatedBy { get; set; } = "";
}

/// <summary>双随机一公开: targets and inspectors drawn with a seed anyone can recompute from the published inputs.</summary>
[DisplayName("双随机抽查")]
[RecordLabel(nameof(Title))]
internal sealed class RandomDraw : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("组织单位")]
    public long UnitId { get; set; }
    [DisplayName("名称")]
    public string Title { get; set; } = "";
    [DisplayName("抽取日期")]
    public DateOnly DrawDate { get; set; }
    [DisplayName("行业")]
    public string? Industry { get; set; }
    [DisplayName("公开随机数")]
    public string PublicNonce { get; set; } = "";
    [DisplayName("抽取企业数")]
    public int TargetCount { get; set; }
    [DisplayName("抽取检查人员数")]
    public int InspectorCount { get; set; }
    [DisplayName("回避人员")]
    public List<long> RecusedOfficerIds { get; set; } = [];
    [DisplayName("抽取范围企业数")]
    public int PoolSize { get; set; }
    /// <summary>The pool and the eligible officers as drawn from, published so anyone can recompute the draw.</summary>
    [DisplayName("抽取范围")]
    public List<long> PoolIds { get; set; } = [];
    [DisplayName("可抽取执法人员")]
    public List<long> EligibleOfficerIds { get; set; } = [];
    [DisplayName("种子")]
    public string Seed { get; set; } = "";
    [DisplayName("抽中企业")]
    public List<long> EnterpriseIds { get; set; } = [];
    [DisplayName("抽中执法人员")]
    public List<long> OfficerIds { get; set; } = [];
    [DisplayName("抽取时间")]
    public DateTimeOffset DrawnAt { get; set; }
    [DisplayName("抽查结果")]
    public string? ResultSummary { get; set; }
    [DisplayName("结果公示日期")]
    public DateOnly? ResultsPublishedOn { get; set; }
}

/// <summary>无事不扰: an enterprise exempt from routine inspections for a period.</summary>
[DisplayName("无事不扰名单")]
internal sealed class QuietListEntry : IRegionOwned, IAuditable, IEnterpriseLinked
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("起始日期")]
    public DateOnly From { get; set; }
    [DisplayName("截止日期")]
    public DateOnly To { get; set; }
    [DisplayName("理由")]
    public string Reason { get; set; } = "";
}

/// <summary>
/// The enterprise's anonymous rating of one coded visit. It carries no account or person: the Supervisor reads it, the
/// inspected unit never does (no unit-facing query selects it), and the enterprise account sees its own.
/// </summary>
[DisplayName("检查评价")]
[RecordLabel(nameof(Code))]
internal sealed class InspectionRating : IRegionOwned, IAuditable, IEnterpriseLinked
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("检查码")]
    public string Code { get; set; } = "";
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("评分")]
    public int Score { get; set; }
    [DisplayName("评价意见")]
    public string? Comment { get; set; }
    [DisplayName("评价时间")]
    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>企业码（无感赋码）: the enterprise's printable door code; reissuing deactivates the old one.</summary>
[DisplayName("企业码")]
[RecordLabel(nameof(Code))]
internal sealed class EnterpriseDoorCode : IRegionOwned, IAuditable, IEnterpriseLinked
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("企业码")]
    public string Code { get; set; } = "";
    [DisplayName("有效")]
    public bool IsActive { get; set; } = true;
    [DisplayName("签发时间")]
    public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>频次上限: inspections per enterprise per year, for one unit or one industry (sector); default 2 per unit.</summary>
[DisplayName("检查频次上限")]
internal sealed class InspectionCap : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long? UnitId { get; set; }
    [DisplayName("行业")]
    public string? Industry { get; set; }
    [DisplayName("年度上限次数")]
    public int MaxPerYear { get; set; }
}

/// <summary>The inspection capability's rule codes (I- workflow rules; P-OFFICERS from domain-rules.md).</summary>
internal static class InspectionRules
{
    public const string State = "I-STATE";
    public const string Approval = "I-APPROVAL";
    public const string Items = "I-ITEMS";
    public const string Officers = "P-OFFICERS";
    public const string Plan = "I-PLAN";
    public const string Enterprise = "I-ENTERPRISE";
    public const string Cap = "I-CAP";
    public const string Quiet = "I-QUIET";
    public const string Overlap = "I-OVERLAP";
    public const string Rated = "I-RATED";
    public const string DrawSize = "I-DRAWSIZE";
    public const string DrawResult = "I-DRAWRESULT";
    public const string Joint = "I-JOINT";
}
