using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>督查组成员的身份.</summary>
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
internal enum VisitMethod
{
    Briefing,       // 听取汇报
    Interview,      // 个别谈话
    DocumentReview, // 查阅资料
    CaseSampling,   // 案卷抽评
    FieldVisit,     // 调查走访
}

/// <summary>督查组成员; one with an account (an Inspector) sees the campaign and the units assigned to them.</summary>
internal sealed class TeamMember : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long CampaignId { get; set; }
    public string Name { get; set; } = "";
    public MemberKind Kind { get; set; }
    public string? UserName { get; set; }
}

/// <summary>督查: the team's inspection of one unit in a campaign, with its visits and its own assessment per point.</summary>
internal sealed class SupervisoryInspection : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
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

internal sealed class SupervisionVisit : IAuditable
{
    public long Id { get; set; }
    public long SupervisoryInspectionId { get; set; }
    public VisitMethod Method { get; set; }
    public DateOnly On { get; set; }
    public string Notes { get; set; } = "";
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
internal sealed class EnterpriseVisit : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long CampaignId { get; set; }
    public long EnterpriseId { get; set; }
    public DateOnly On { get; set; }
    public bool OverlappingInspections { get; set; }
    public bool ArbitraryInspections { get; set; }
    public bool ProfitDriven { get; set; }
    public bool Selective { get; set; }
    public bool OneSizeFitsAll { get; set; }
    /// <summary>What happened, when, and which unit.</summary>
    public string? Account { get; set; }
    public long? UnitId { get; set; }
    public string RecordedBy { get; set; } = "";
}
