namespace Sunlight.Web.Features.Enforcement;

/// <summary>Workflow rule codes of the case register (E-); legal rules keep their domain-rules.md codes (P-…).</summary>
internal static class EnforcementRules
{
    /// <summary>Milestones in legal order, each once (调查取证 may repeat).</summary>
    public const string Order = "E-ORDER";
    /// <summary>An officer of another unit, or unknown.</summary>
    public const string OfficerUnit = "E-OFFICER";
    /// <summary>An officer whose 执法证 is not valid on the act's date.</summary>
    public const string Credential = "E-CREDENTIAL";
    /// <summary>The case number is taken in the unit.</summary>
    public const string NumberTaken = "E-NUMBER";
    /// <summary>公示 steps out of order (publish before the decision, withdraw what was not published …).</summary>
    public const string Disclosure = "E-DISCLOSURE";
    /// <summary>A warning already closed.</summary>
    public const string WarningState = "E-WARNING";
}

/// <summary>The Chinese names of the register's enums, for pages, exports and messages.</summary>
internal static class EnforcementNames
{
    public static string Kind(CaseKind kind) => kind switch
    {
        CaseKind.Penalty => "行政处罚",
        CaseKind.Coercion => "行政强制",
        CaseKind.Inspection => "行政检查",
        CaseKind.Licensing => "行政许可",
        CaseKind.Levy => "行政征收",
        CaseKind.Confirmation => "行政确认",
        _ => "其他",
    };

    public static string Milestone(MilestoneKind kind) => kind switch
    {
        MilestoneKind.Filed => "立案",
        MilestoneKind.Investigated => "调查取证",
        MilestoneKind.Notified => "告知",
        MilestoneKind.HearingRequested => "陈述申辩/听证申请",
        MilestoneKind.HearingNotified => "听证通知",
        MilestoneKind.Hearing => "听证",
        MilestoneKind.LegalReviewRequested => "提请法制审核",
        MilestoneKind.LegalReview => "法制审核",
        MilestoneKind.Decided => "决定",
        MilestoneKind.Served => "送达",
        MilestoneKind.Executed => "执行",
        MilestoneKind.Closed => "结案",
        _ => "归档",
    };

    public static string Outcome(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Approved => "同意",
        ReviewOutcome.FurtherInvestigation => "补充调查",
        ReviewOutcome.Correct => "改正",
        _ => "移送",
    };

    public static string Extension(ExtensionKind kind) => kind == ExtensionKind.Extension ? "批准延长" : "不计入期限的时间";

    public static string Party(PartyKind kind) => kind == PartyKind.Enterprise ? "企业" : "自然人";

    public static string Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Notice => "提示",
        RuleSeverity.Warning => "一般",
        _ => "严重",
    };

    public static string State(WarningState state) => state switch
    {
        WarningState.Open => "待处理",
        WarningState.Resolved => "已消除",
        _ => "已排除",
    };
}
