namespace Sunlight.Web.Features.Problems;

/// <summary>The Chinese words the ledger shows for the enums (and reads back on import).</summary>
internal static class ProblemNames
{
    public static string Source(ProblemSource s) => s switch
    {
        ProblemSource.SelfInspection => "自查",
        ProblemSource.SupervisoryInspection => "督查",
        ProblemSource.Complaint => "投诉举报",
        ProblemSource.CaseReview => "案卷评查",
        ProblemSource.Warning => "预警",
        ProblemSource.EnterpriseVisit => "走访企业",
        ProblemSource.Manual => "监督登记",
        ProblemSource.Import => "批量导入",
        _ => s.ToString(),
    };

    public static string Severity(ProblemSeverity s) => s switch
    {
        ProblemSeverity.Minor => "轻微",
        ProblemSeverity.Moderate => "一般",
        ProblemSeverity.Serious => "严重",
        _ => s.ToString(),
    };

    public static string State(ProblemState s) => s switch
    {
        ProblemState.Raised => "待制定整改措施",
        ProblemState.Rectifying => "整改中",
        ProblemState.AwaitingVerification => "待核账",
        ProblemState.WrittenOff => "已销账",
        ProblemState.Disputed => "异议待裁定",
        ProblemState.Dismissed => "异议成立已撤销",
        _ => s.ToString(),
    };

    public static ProblemSource? ParseSource(string? text) =>
        Enum.GetValues<ProblemSource>().Cast<ProblemSource?>().FirstOrDefault(s => Source(s!.Value) == text?.Trim() || s.ToString() == text?.Trim());

    public static ProblemSeverity? ParseSeverity(string? text) =>
        Enum.GetValues<ProblemSeverity>().Cast<ProblemSeverity?>().FirstOrDefault(s => Severity(s!.Value) == text?.Trim() || s.ToString() == text?.Trim());

    public static readonly string[] DefaultCategories =
        ["三项制度落实", "执法程序", "法律适用", "执法能力", "检查过多/多头检查", "涉企行政指导", "柔性执法", "作风问题", "其他"];
}
