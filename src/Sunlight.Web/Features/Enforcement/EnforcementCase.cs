using System.ComponentModel;
using System.Security.Cryptography;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>The kind of enforcement act (行政执法行为类别).</summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Kind))]
internal enum CaseKind
{
    Penalty,       // 行政处罚
    Coercion,      // 行政强制
    Inspection,    // 行政检查
    Licensing,     // 行政许可
    Levy,          // 行政征收
    Confirmation,  // 行政确认
    Other,         // 其他
}

/// <summary>Who the act is addressed to: an enterprise (by its USCC) or a person (name only: minimal personal data).</summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Party))]
internal enum PartyKind
{
    Enterprise,
    Person,
}

/// <summary>
/// Procedure milestones in their legal order (立案 → 调查取证 → 告知 → 陈述申辩/听证 → 法制审核 → 决定 → 送达 → 执行 → 结案 → 归档).
/// The numeric order is the order rule (E-ORDER); only 调查取证 may be recorded more than once.
/// </summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Milestone))]
internal enum MilestoneKind
{
    Filed,                 // 立案
    Investigated,          // 调查取证
    Notified,              // 告知（送达告知书）
    HearingRequested,      // 陈述申辩/听证 申请
    HearingNotified,       // 听证通知（举行听证 7 个工作日前）
    Hearing,               // 听证 举行
    LegalReviewRequested,  // 法制审核 提请
    LegalReview,           // 法制审核 完成
    Decided,               // 决定
    Served,                // 送达
    Executed,              // 执行
    Closed,                // 结案
    Archived,              // 归档
}

/// <summary>法制审核 outcome.</summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Outcome))]
internal enum ReviewOutcome
{
    Approved,              // 同意
    FurtherInvestigation,  // 补充调查
    Correct,               // 改正
    Transfer,              // 移送
}

/// <summary>Time that does not count against P-90DAYS: an approved extension, or appraisal (鉴定) time.</summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Extension))]
internal enum ExtensionKind
{
    Extension,  // 批准延长
    Excluded,   // 鉴定等不计入期限的时间
}

/// <summary>
/// 行政执法案件: one enforcement act of a unit with its party, item and basis, officers, amounts, milestones and flags.
/// Legality rules (P-OFFICERS, P-90DAYS …) read it and raise <see cref="Warning"/>s; only the gates the law makes
/// (notice and legal review before the decision) refuse a step.
/// </summary>
[DisplayName("行政执法案件")]
[RecordLabel(nameof(Number))]
internal sealed class EnforcementCase : IUnitOwned, IAuditable, IVersioned, IEnterpriseLinked
{
    public static string EnterpriseKey => nameof(PartyUscc);
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }

    [DisplayName("执法行为类别")]

    public CaseKind Kind { get; set; }
    /// <summary>案号, unique within the unit.</summary>
    [DisplayName("案号")]
    public string Number { get; set; } = "";
    [DisplayName("案件名称")]
    public string Title { get; set; } = "";
    /// <summary>行业领域 (e.g. 食品安全): thresholds may differ per sector.</summary>
    [DisplayName("行业领域")]
    public string? Sector { get; set; }

    [DisplayName("当事人类型")]

    public PartyKind PartyKind { get; set; }
    [DisplayName("当事人")]
    public string PartyName { get; set; } = "";
    /// <summary>The enterprise party's 统一社会信用代码; null for a person.</summary>
    [DisplayName("统一社会信用代码")]
    public string? PartyUscc { get; set; }

    [DisplayName("执法事项")]

    public long? EnforcementItemId { get; set; }
    [DisplayName("执法事项名称")]
    public string ItemName { get; set; } = "";
    [DisplayName("法律依据")]
    public string LegalBasis { get; set; } = "";

    [DisplayName("罚款金额")]

    public decimal? FineAmount { get; set; }
    [DisplayName("没收金额")]
    public decimal? ConfiscationAmount { get; set; }

    /// <summary>简易程序 (当场处罚/当场决定).</summary>
    [DisplayName("简易程序")]
    public bool IsOnTheSpot { get; set; }
    /// <summary>High-risk act (查封、扣押、强制拆除 …): uninterrupted audio-video is mandatory.</summary>
    [DisplayName("高风险执法行为")]
    public bool IsHighRisk { get; set; }
    /// <summary>较重处罚 with hearing rights whatever the amount: 降级/吊销许可证件、责令停产停业/关闭、限制从业.</summary>
    [DisplayName("较重处罚")]
    public bool IsSevereSanction { get; set; }
    /// <summary>重大执法决定 (major public interest, complex case …): needs 法制审核 whatever the amount.</summary>
    [DisplayName("重大执法决定")]
    public bool IsMajor { get; set; }
    /// <summary>The violation harmed life, health or financial security: limitation 5 years instead of 2.</summary>
    [DisplayName("危害生命健康或金融安全")]
    public bool HarmsLifeOrProperty { get; set; }

    /// <summary>When the violation happened (for a continuing one: when it ended) — P-LIMITATION counts from here.</summary>
    [DisplayName("违法行为发生日期")]
    public DateOnly? ViolationOn { get; set; }

    /// <summary>公示: the decision was published on; withdrawn on, with the reason (decision changed or revoked on).</summary>
    [DisplayName("公示日期")]
    public DateOnly? PublishedOn { get; set; }
    [DisplayName("决定变更或撤销日期")]
    public DateOnly? DecisionRevokedOn { get; set; }
    [DisplayName("撤回公示日期")]
    public DateOnly? WithdrawnOn { get; set; }
    [DisplayName("撤回公示理由")]
    public string? WithdrawalReason { get; set; }

    /// <summary>行政行为码: unguessable, printed on the decision documents.</summary>
    [DisplayName("行政行为码")]
    public string ActCode { get; set; } = "";
    /// <summary>The party's PIN for the act code's party view (hashed; set when the decision is served).</summary>
    [AuditSecret]
    public string? PartyPinHash { get; set; }

    /// <summary>The latest milestone reached (for lists); null before 立案 is recorded.</summary>
    [DisplayName("办案环节")]
    public MilestoneKind? Stage { get; set; }
    [DisplayName("立案日期")]
    public DateOnly? FiledOn { get; set; }
    [DisplayName("登记时间")]
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the legality rules last ran on this case (on save or by the daily sweep).</summary>
    [DisplayName("合法性检查时间")]
    public DateTimeOffset? CheckedAt { get; set; }
    public Guid Version { get; set; }

    public List<CaseMilestone> Milestones { get; set; } = [];
    public List<CaseOfficer> Officers { get; set; } = [];
    public List<CaseExtension> Extensions { get; set; } = [];
    public List<LegalReview> Reviews { get; set; } = [];
    public List<ProcessRecord> Records { get; set; } = [];

    public static string NewActCode() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();

    public DateOnly? DateOf(MilestoneKind kind) =>
        Milestones.Where(m => m.Kind == kind).Select(m => (DateOnly?)m.On).Min();

    public bool Has(MilestoneKind kind) => Milestones.Any(m => m.Kind == kind);

    /// <summary>The latest 法制审核 outcome, if a review was completed.</summary>
    public LegalReview? LatestReview => Reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).FirstOrDefault();

    /// <summary>公示: the decision is published (once, not before it is made).</summary>
    public void Publish(DateOnly on)
    {
        if (DateOf(MilestoneKind.Decided) is not { } decided || on < decided)
        {
            throw new RuleViolationException(EnforcementRules.Disclosure, "决定作出后才能公示，公示日期不能早于决定日期。");
        }
        if (PublishedOn is not null)
        {
            throw new RuleViolationException(EnforcementRules.Disclosure, $"该决定已于 {PublishedOn:yyyy-MM-dd} 公示。");
        }
        PublishedOn = on;
    }

    /// <summary>The published decision was changed or revoked on this day: the withdrawal period starts (S-WITHDRAW).</summary>
    public void RevokeDecision(DateOnly on)
    {
        if (PublishedOn is not { } published || on < published || DecisionRevokedOn is not null)
        {
            throw new RuleViolationException(EnforcementRules.Disclosure, "只能对已公示且尚未登记变更、撤销的决定登记变更或撤销，日期不能早于公示日期。");
        }
        DecisionRevokedOn = on;
    }

    /// <summary>撤回公示 with the explanation the law requires.</summary>
    public void Withdraw(DateOnly on, string reason)
    {
        if (PublishedOn is not { } published || on < published || WithdrawnOn is not null)
        {
            throw new RuleViolationException(EnforcementRules.Disclosure, "只能撤回已公示且尚未撤回的决定，撤回日期不能早于公示日期。");
        }
        WithdrawnOn = on;
        WithdrawalReason = reason;
    }

    /// <summary>
    /// Records a milestone in legal order (E-ORDER): a step may not be recorded twice (except 调查取证), nor dated before an
    /// earlier step or after a later one already recorded; 送达 and 执行 need the 决定 (an inspection closes without one).
    /// </summary>
    public CaseMilestone Record(MilestoneKind kind, DateOnly on, string? note, string recordedBy, DateTimeOffset now)
    {
        if (kind != MilestoneKind.Investigated && Has(kind))
        {
            throw new RuleViolationException(EnforcementRules.Order, $"该案件已记录“{EnforcementNames.Milestone(kind)}”，不能重复记录。");
        }
        if (kind != MilestoneKind.Filed && !Has(MilestoneKind.Filed))
        {
            throw new RuleViolationException(EnforcementRules.Order, "请先记录“立案”。");
        }
        if (kind is MilestoneKind.Served or MilestoneKind.Executed && !Has(MilestoneKind.Decided))
        {
            throw new RuleViolationException(EnforcementRules.Order, $"尚未记录“决定”，不能记录“{EnforcementNames.Milestone(kind)}”。");
        }
        if (kind is MilestoneKind.Hearing or MilestoneKind.HearingNotified && !Has(MilestoneKind.HearingRequested))
        {
            throw new RuleViolationException(EnforcementRules.Order, $"尚未记录陈述申辩/听证申请，不能记录“{EnforcementNames.Milestone(kind)}”。");
        }
        if (Milestones.FirstOrDefault(m => m.Kind < kind && m.On > on) is { } earlier)
        {
            throw new RuleViolationException(EnforcementRules.Order,
                $"“{EnforcementNames.Milestone(kind)}”日期 {on:yyyy-MM-dd} 早于已记录的“{EnforcementNames.Milestone(earlier.Kind)}”（{earlier.On:yyyy-MM-dd}），环节顺序不对。");
        }
        if (Milestones.FirstOrDefault(m => m.Kind > kind && m.On < on) is { } later)
        {
            throw new RuleViolationException(EnforcementRules.Order,
                $"“{EnforcementNames.Milestone(kind)}”日期 {on:yyyy-MM-dd} 晚于已记录的“{EnforcementNames.Milestone(later.Kind)}”（{later.On:yyyy-MM-dd}），环节顺序不对。");
        }
        var milestone = new CaseMilestone { Kind = kind, On = on, Note = note, RecordedBy = recordedBy, RecordedAt = now };
        Milestones.Add(milestone);
        if (kind == MilestoneKind.Filed)
        {
            FiledOn = on;
        }
        if (Stage is null || kind > Stage)
        {
            Stage = kind;
        }
        return milestone;
    }
}

/// <summary>A dated procedure step of a case.</summary>
[DisplayName("办案环节")]
internal sealed class CaseMilestone : IAuditable
{
    public long Id { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    [DisplayName("办案环节")]
    public MilestoneKind Kind { get; set; }
    [DisplayName("日期")]
    public DateOnly On { get; set; }
    [DisplayName("说明")]
    public string? Note { get; set; }
    [DisplayName("记录人")]
    public string RecordedBy { get; set; } = "";
    [DisplayName("记录时间")]
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An officer (or auxiliary staff) acting on the case, from the registry; auxiliaries never count (P-OFFICERS).</summary>
[DisplayName("办案执法人员")]
internal sealed class CaseOfficer : IAuditable
{
    public long Id { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    [DisplayName("执法人员")]
    public long OfficerId { get; set; }
    public Officer? Officer { get; set; }
}

/// <summary>An approved extension of the decision period, or time excluded from it (鉴定), with its reason (P-90DAYS).</summary>
[DisplayName("办案期限延长")]
internal sealed class CaseExtension : IAuditable
{
    public long Id { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    [DisplayName("类别")]
    public ExtensionKind Kind { get; set; }
    [DisplayName("天数")]
    public int Days { get; set; }
    [DisplayName("理由")]
    public string Reason { get; set; } = "";
    [DisplayName("批准日期")]
    public DateOnly ApprovedOn { get; set; }
}

/// <summary>法制审核 by the unit's legal reviewer: the checks of the three systems and the outcome.</summary>
[DisplayName("法制审核")]
internal sealed class LegalReview : IAuditable
{
    public long Id { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    [DisplayName("审核日期")]
    public DateOnly ReviewedOn { get; set; }
    [DisplayName("审核人")]
    public string Reviewer { get; set; } = "";
    [DisplayName("主体与管辖")]
    public bool SubjectChecked { get; set; }        // 主体与管辖
    [DisplayName("执法人员资格")]
    public bool QualificationChecked { get; set; }  // 执法人员资格
    [DisplayName("程序")]
    public bool ProcedureChecked { get; set; }      // 程序
    [DisplayName("事实与证据")]
    public bool FactsChecked { get; set; }          // 事实与证据
    [DisplayName("法律依据与裁量基准")]
    public bool BasisChecked { get; set; }          // 法律依据与裁量基准
    [DisplayName("是否超越职权")]
    public bool PowerChecked { get; set; }          // 是否超越职权
    [DisplayName("文书完备")]
    public bool DocumentsChecked { get; set; }      // 文书完备
    [DisplayName("是否涉嫌犯罪应当移送")]
    public bool CrimeTransferChecked { get; set; }  // 是否涉嫌犯罪应当移送
    [DisplayName("审核意见")]
    public ReviewOutcome Outcome { get; set; }
    [DisplayName("审核说明")]
    public string? Opinion { get; set; }
}

/// <summary>全过程记录: a document or audio-video of a milestone, stored by SHA-256 (AttachmentStore).</summary>
[DisplayName("全过程记录")]
internal sealed class ProcessRecord : IAuditable
{
    public long Id { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    [DisplayName("办案环节")]
    public MilestoneKind Milestone { get; set; }
    /// <summary>文书类别: 立案审批表, 告知书, 听证笔录, 法制审核意见书, 处罚决定书, 送达回证, 音像记录 …</summary>
    [DisplayName("文书类别")]
    public string DocumentKind { get; set; } = "";
    [DisplayName("音像记录")]
    public bool IsAudioVideo { get; set; }
    [DisplayName("文件名")]
    public string FileName { get; set; } = "";
    [DisplayName("文件类型")]
    public string ContentType { get; set; } = "";
    [DisplayName("大小（字节）")]
    public long Size { get; set; }
    [DisplayName("SHA-256")]
    public string Sha256 { get; set; } = "";
    [DisplayName("上传时间")]
    public DateTimeOffset StoredAt { get; set; }
    [DisplayName("上传人")]
    public string StoredBy { get; set; } = "";
}

/// <summary>A unit's saved column mapping for the .xlsx case-ledger import: the unit's header name for each field.</summary>
[DisplayName("案件台账导入列对应")]
internal sealed class CaseImportMapping : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    /// <summary>JSON object: field name → the header in the unit's own ledger.</summary>
    [DisplayName("列对应")]
    public string Columns { get; set; } = "{}";
    [DisplayName("保存时间")]
    public DateTimeOffset SavedAt { get; set; }
}
