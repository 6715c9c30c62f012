using System.ComponentModel;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>督查组成员的身份.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.Member))]
internal enum MemberKind
{
    Bureau,            // 县司法局
    Deputy,            // 人大代表
    PoliticalAdvisor,  // 政协委员
    SpecialSupervisor, // 特邀监督员
    LegalProfessional, // 法律专业人士
    Discipline,        // 纪委监委
    Procuratorate,     // 检察院
}

/// <summary>督查方式.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.Method))]
internal enum VisitMethod
{
    Briefing,       // 听取汇报
    Interview,      // 个别谈话
    DocumentReview, // 查阅资料
    CaseSampling,   // 案卷抽评
    FieldVisit,     // 调查走访
}

/// <summary>督查组成员; one with an account (an Inspector) sees the campaign and the units assigned to them.</summary>
[DisplayName("督查组成员")]
[RecordLabel(nameof(Name))]
internal sealed class TeamMember : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("姓名")]
    public string Name { get; set; } = "";
    [DisplayName("身份")]
    public MemberKind Kind { get; set; }
    [DisplayName("登录账号")]
    public string? UserName { get; set; }
}

/// <summary>督查: the team's inspection of one unit in a campaign, with its visits and its own assessment per point.</summary>
[DisplayName("督查")]
internal sealed class SupervisoryInspection : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("被督查单位")]
    public long UnitId { get; set; }
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    public Guid Version { get; set; }
    public List<InspectionAssignment> Members { get; set; } = [];
    public List<SupervisionVisit> Visits { get; set; } = [];
    public List<PointAssessment> Assessments { get; set; } = [];
}

/// <summary>A team member assigned to a unit's inspection.</summary>
internal sealed class InspectionAssignment
{
    public long Id { get; set; }
    public long SupervisoryInspectionId { get; set; }
    public long TeamMemberId { get; set; }
}

[DisplayName("督查记录")]
internal sealed class SupervisionVisit : IAuditable
{
    public long Id { get; set; }
    [DisplayName("督查")]
    public long SupervisoryInspectionId { get; set; }
    [DisplayName("督查方式")]
    public VisitMethod Method { get; set; }
    [DisplayName("督查日期")]
    public DateOnly On { get; set; }
    [DisplayName("督查记录")]
    public string Notes { get; set; } = "";
    [DisplayName("记录人")]
    public string RecordedBy { get; set; } = "";
}

/// <summary>The team's verdict on one checklist point, shown beside the unit's own answer.</summary>
internal sealed class PointAssessment
{
    public long Id { get; set; }
    public long SupervisoryInspectionId { get; set; }
    public long PointId { get; set; }
    public Verdict Verdict { get; set; }
    public string? Note { get; set; }
}

/// <summary>走访企业: what an enterprise says about enforcement it met (多头检查, 随意检查, 趋利性执法 …).</summary>
[DisplayName("走访企业")]
internal sealed class EnterpriseVisit : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("企业")]
    public long EnterpriseId { get; set; }
    [DisplayName("走访日期")]
    public DateOnly On { get; set; }
    [DisplayName("多头检查")]
    public bool OverlappingInspections { get; set; }
    [DisplayName("随意检查")]
    public bool ArbitraryInspections { get; set; }
    [DisplayName("趋利性执法")]
    public bool ProfitDriven { get; set; }
    [DisplayName("选择性执法")]
    public bool Selective { get; set; }
    [DisplayName("一刀切")]
    public bool OneSizeFitsAll { get; set; }
    /// <summary>What happened, when, and which unit.</summary>
    [DisplayName("企业反映的情况")]
    public string? Account { get; set; }
    [DisplayName("涉及单位")]
    public long? UnitId { get; set; }
    [DisplayName("记录人")]
    public string RecordedBy { get; set; } = "";
    /// <summary>The complaint the answers became (through the complaints' staff intake), if they did.</summary>
    [DisplayName("转为投诉")]
    public long? ComplaintId { get; set; }
    /// <summary>The ledger problem the answers became, if they did.</summary>
    [DisplayName("转为问题")]
    public long? ProblemId { get; set; }
}
