namespace Sunlight.Web.Features.Inspections;

/// <summary>The Chinese names of the inspection enums, for pages, DTOs and documents.</summary>
internal static class InspectionText
{
    public const string ProblemCategory = "涉企行政检查";

    public static string Type(InspectionType t) => t switch
    {
        InspectionType.Routine => "日常检查",
        InspectionType.CaseDriven => "个案检查",
        InspectionType.Special => "专项检查",
        _ => "非执法走访（调研、宣传、座谈）",
    };

    public static string Mode(InspectionMode m) => m switch
    {
        InspectionMode.OnSite => "现场检查",
        InspectionMode.Paper => "书面检查",
        _ => "数据核查",
    };

    public static string State(InspectionState s) => s switch
    {
        InspectionState.Registered => "待审批",
        InspectionState.Approved => "已审批赋码",
        _ => "已完成",
    };

    public static string Outcome(InspectionOutcome? o) => o is { } value ? Outcome(value) : "";

    public static string Outcome(InspectionOutcome o) => o switch
    {
        InspectionOutcome.NoProblem => "未发现问题",
        InspectionOutcome.Guidance => "行政指导",
        InspectionOutcome.Rectification => "责令整改",
        InspectionOutcome.NoPenalty => "依法不予处罚",
        _ => "立案查处",
    };

    public static string Warning(string rule) => rule switch
    {
        InspectionRules.Cap => "超频次",
        InspectionRules.Quiet => "无事不扰",
        InspectionRules.Overlap => "多头/重复检查",
        _ => rule,
    };
}
