using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>检查类型. 个案 and 非执法走访 never count against the frequency cap; every type counts in the burden view.</summary>
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
internal enum InspectionMode
{
    OnSite,
    Paper,
    DataCheck,
}

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
internal enum InspectionOutcome
{
    NoProblem,
    Guidance,
    Rectification,
    NoPenalty,
    CaseFiled,
}

/// <summary>年度检查计划: the unit's plan for the year, filed with the bureau; its items come from the unit's published list.</summary>
internal sealed class InspectionPlan : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public List<long> ItemIds { get; set; } = [];
    public List<long> TargetEnterpriseIds { get; set; } = [];
    public int TargetCount { get; set; }
    public List<int> Months { get; set; } = [];
    public DateTimeOffset FiledAt { get; set; }
    public string FiledBy { get; set; } = "";
}

/// <summary>行政检查: one visit or paper check of an enterprise by one unit (a joint inspection has one per unit).</summary>
internal sealed class Inspection : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public long EnterpriseId { get; set; }
    public long? PlanId { get; set; }
    public long? JointInspectionId { get; set; }
    public InspectionType Type { get; set; }
    public string? Trigger { get; set; }
    public string Purpose { get; set; } = "";
    public InspectionMode Mode { get; set; }
    public DateOnly VisitDate { get; set; }
    public List<long> ItemIds { get; set; } = [];
    public List<long> OfficerIds { get; set; } = [];
    public InspectionState State { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    /// <summary>Registered after the visit (补录, within 10 natural days, with its reason).</summary>
    public bool IsBackfill { get; set; }
    public string? BackfillReason { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>Approved only after the visit day (emergency): flagged.</summary>
    public bool ApprovedAfterVisit { get; set; }
    public string? Code { get; set; }
    /// <summary>The warnings the registering staff confirmed (rule codes: I-CAP, I-QUIET, I-OVERLAP).</summary>
    public List<string> Warnings { get; set; } = [];
    public InspectionOutcome? Outcome { get; set; }
    public string? ResultNote { get; set; }
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
internal sealed class JointInspection : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long EnterpriseId { get; set; }
    public long LeadUnitId { get; set; }
    public List<long> UnitIds { get; set; } = [];
    public List<long> ItemIds { get; set; } = [];
    public DateOnly VisitDate { get; set; }
    public string Code { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>双随机一公开: targets and inspectors drawn with a seed anyone can recompute from the published inputs.</summary>
internal sealed class RandomDraw : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DrawDate { get; set; }
    public string? Industry { get; set; }
    public string PublicNonce { get; set; } = "";
    public int TargetCount { get; set; }
    public int InspectorCount { get; set; }
    public List<long> RecusedOfficerIds { get; set; } = [];
    public int PoolSize { get; set; }
    /// <summary>The pool and the eligible officers as drawn from, published so anyone can recompute the draw.</summary>
    public List<long> PoolIds { get; set; } = [];
    public List<long> EligibleOfficerIds { get; set; } = [];
    public string Seed { get; set; } = "";
    public List<long> EnterpriseIds { get; set; } = [];
    public List<long> OfficerIds { get; set; } = [];
    public DateTimeOffset DrawnAt { get; set; }
    public string? ResultSummary { get; set; }
    public DateOnly? ResultsPublishedOn { get; set; }
}

/// <summary>无事不扰: an enterprise exempt from routine inspections for a period.</summary>
internal sealed class QuietListEntry : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long EnterpriseId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>
/// The enterprise's anonymous rating of one coded visit. It carries no account or person: the Supervisor reads it, the
/// inspected unit never does (no unit-facing query selects it), and the enterprise account sees its own.
/// </summary>
internal sealed class InspectionRating : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Code { get; set; } = "";
    public long EnterpriseId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>企业码（无感赋码）: the enterprise's printable door code; reissuing deactivates the old one.</summary>
internal sealed class EnterpriseDoorCode : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long EnterpriseId { get; set; }
    public string Code { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>频次上限: inspections per enterprise per year, for one unit or one industry (sector); default 2 per unit.</summary>
internal sealed class InspectionCap : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Industry { get; set; }
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
    public const string Joint = "I-JOINT";
}
