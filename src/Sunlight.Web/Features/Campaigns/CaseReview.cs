using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>否决项, or a deduction in 案卷形式 (20 points) or 案卷实体 (80 points).</summary>
internal enum RubricPart
{
    Veto,
    Form,
    Substance,
}

/// <summary>瑕疵类别.</summary>
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
internal sealed class Rubric : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int VersionNumber { get; set; }
    public string Name { get; set; } = "";
    public int ExcellentFrom { get; set; } = 90;
    public int PassFrom { get; set; } = 60;
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
internal sealed class ReviewPlan : IRegionOwned, IAuditable
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long CampaignId { get; set; }
    public long RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    /// <summary>Participating units' codes, comma-separated in code order (a published input of the draw).</summary>
    public string UnitCodes { get; set; } = "";
    /// <summary>Case kinds, comma-separated (<see cref="CaseKind"/> names).</summary>
    public string Kinds { get; set; } = "";
    public DateOnly? FiledFrom { get; set; }
    public int FilesPerUnit { get; set; }
    public int ReviewersPerFile { get; set; } = 1;
    public long Seed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>案卷评查 of one drawn (or manually added) case file.</summary>
internal sealed class CaseFileReview : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public long PlanId { get; set; }
    public ReviewPlan? Plan { get; set; }
    public long CaseId { get; set; }
    public EnforcementCase? Case { get; set; }
    /// <summary>Position in the draw (1-based per unit); 0 for a manual addition.</summary>
    public int DrawRank { get; set; }
    public bool IsManual { get; set; }
    public decimal? FinalScore { get; set; }
    public string? Grade { get; set; }
    public bool Vetoed { get; set; }
    /// <summary>Two reviewers differ by more than 10 points.</summary>
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
