using System.ComponentModel;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>否决项, or a deduction in 案卷形式 (20 points) or 案卷实体 (80 points).</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.Part))]
internal enum RubricPart
{
    Veto,
    Form,
    Substance,
}

/// <summary>瑕疵类别.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.Defect))]
internal enum DefectCategory
{
    Subject,       // 主体
    FactsEvidence, // 事实证据
    Procedure,     // 程序
    LegalBasis,    // 法律适用
    Discretion,    // 裁量
    Documents,     // 文书
    Archiving,     // 归档
}

/// <summary>评查标准, versioned: an edit is a new version; a review keeps the version it used.</summary>
[DisplayName("评查标准")]
[RecordLabel(nameof(Name))]
internal sealed class Rubric : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("版本")]
    public int VersionNumber { get; set; }
    [DisplayName("名称")]
    public string Name { get; set; } = "";
    [DisplayName("优秀分数线")]
    public int ExcellentFrom { get; set; } = 90;
    [DisplayName("合格分数线")]
    public int PassFrom { get; set; } = 60;
    [DisplayName("制定时间")]
    public DateTimeOffset CreatedAt { get; set; }
    public List<RubricItem> Items { get; set; } = [];

    public const int FormPoints = 20;
    public const int SubstancePoints = 80;
}

internal sealed class RubricItem
{
    public long Id { get; set; }
    public long RubricId { get; set; }
    public string Code { get; set; } = "";
    public RubricPart Part { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Points deducted per defect (0 for a veto item).</summary>
    public int Points { get; set; }
    public DefectCategory Category { get; set; }
}

/// <summary>
/// 评查方案: the units, case kinds and files per unit, and the seed of the reproducible draw (published: anyone can
/// re-run it, see CaseDraw).
/// </summary>
[DisplayName("评查方案")]
internal sealed class ReviewPlan : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("评查标准")]
    public long RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    /// <summary>Participating units' codes, comma-separated in code order (a published input of the draw).</summary>
    [DisplayName("被评查单位代码")]
    public string UnitCodes { get; set; } = "";
    /// <summary>Case kinds, comma-separated (<see cref="CaseKind"/> names).</summary>
    [DisplayName("案件类别")]
    public string Kinds { get; set; } = "";
    [DisplayName("立案日期自")]
    public DateOnly? FiledFrom { get; set; }
    [DisplayName("每个单位抽取份数")]
    public int FilesPerUnit { get; set; }
    [DisplayName("每份评查人数")]
    public int ReviewersPerFile { get; set; } = 1;
    [DisplayName("随机种子")]
    public long Seed { get; set; }
    [DisplayName("制定时间")]
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>案卷评查 of one drawn (or manually added) case file.</summary>
[DisplayName("案卷评查")]
internal sealed class CaseFileReview : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("被评查单位")]
    public long UnitId { get; set; }
    [DisplayName("评查方案")]
    public long PlanId { get; set; }
    public ReviewPlan? Plan { get; set; }
    [DisplayName("案卷")]
    public long CaseId { get; set; }
    public EnforcementCase? Case { get; set; }
    /// <summary>Position in the draw (1-based per unit); 0 for a manual addition.</summary>
    [DisplayName("抽取序号")]
    public int DrawRank { get; set; }
    [DisplayName("人工增加")]
    public bool IsManual { get; set; }
    [DisplayName("最终得分")]
    public decimal? FinalScore { get; set; }
    [DisplayName("等次")]
    public string? Grade { get; set; }
    [DisplayName("否决")]
    public bool Vetoed { get; set; }
    /// <summary>Two reviewers differ by more than 10 points.</summary>
    [DisplayName("评分差异超过 10 分")]
    public bool VarianceFlag { get; set; }
    public Guid Version { get; set; }
    public List<ReviewScore> Scores { get; set; } = [];
    public List<CaseFileDefect> Defects { get; set; } = [];
}

/// <summary>One reviewer's scoring of a file: their vetoes and deductions.</summary>
internal sealed class ReviewScore
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public string Reviewer { get; set; } = "";
    public int Score { get; set; }
    public bool Vetoed { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
    public List<ScoreMark> Marks { get; set; } = [];
}

internal sealed class ScoreMark
{
    public long Id { get; set; }
    public long ScoreId { get; set; }
    public long RubricItemId { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>瑕疵: a fault found in a file, with its category, put on the problem list.</summary>
internal sealed class CaseFileDefect
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public long RubricItemId { get; set; }
    public DefectCategory Category { get; set; }
    public string Description { get; set; } = "";
    public long? ProblemId { get; set; }
}
