namespace Sunlight.Web.Features.Leniency;

/// <summary>The Chinese names people read and type (import, pages, letters).</summary>
internal static class LeniencyNames
{
    public static string Of(ListKind kind) => kind switch
    {
        ListKind.NoPenalty => "不予处罚",
        ListKind.FirstViolation => "首违不罚",
        ListKind.MinorViolation => "轻微违法免罚",
        ListKind.Lighter => "从轻处罚",
        ListKind.Mitigated => "减轻处罚",
        ListKind.NoCoercion => "免予行政强制",
        ListKind.FlexibleMatters => "柔性执法一件事",
        ListKind.Guidance => "行政指导事项",
        _ => kind.ToString(),
    };

    public static string Of(ListState state) => state switch
    {
        ListState.Draft => "草稿",
        ListState.Approved => "已批准公示",
        ListState.Superseded => "已被新版本替代",
        _ => state.ToString(),
    };

    public static string Of(PledgeState state) => state switch
    {
        PledgeState.Pending => "待整改",
        PledgeState.Kept => "已按期整改",
        PledgeState.Broken => "未按承诺整改",
        _ => state.ToString(),
    };

    public static string Of(GuidanceForm form) => form switch
    {
        GuidanceForm.Advice => "建议",
        GuidanceForm.Coaching => "辅导",
        GuidanceForm.Reminder => "提醒",
        GuidanceForm.Persuasion => "规劝",
        GuidanceForm.Demonstration => "示范",
        GuidanceForm.Interview => "约谈",
        GuidanceForm.FollowUp => "回访",
        _ => form.ToString(),
    };

    public static string Of(RequestState state) => state == RequestState.Open ? "待答复" : "已答复";

    /// <summary>A list kind from its Chinese name (or its code name), for the import.</summary>
    public static ListKind? ParseKind(string? text) =>
        Enum.GetValues<ListKind>().Cast<ListKind?>().FirstOrDefault(k => Of(k!.Value) == text?.Trim() || string.Equals(k.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Kinds whose items exempt or soften a penalty (an exemption case is recorded under these).</summary>
    public static bool IsExemption(ListKind kind) => kind is ListKind.NoPenalty or ListKind.FirstViolation or ListKind.MinorViolation;
}
