namespace Sunlight.Web.Features.Complaints;

/// <summary>The Chinese words for the complaint enums, used by pages, the API and Open311 alike.</summary>
internal static class ComplaintText
{
    public const string Masked = "已保密";
    public const string Anonymous = "匿名";

    public static string State(ComplaintState s) => s switch
    {
        ComplaintState.Received => "待受理",
        ComplaintState.Accepted => "已受理待交办",
        ComplaintState.Rejected => "不予受理",
        ComplaintState.Merged => "已合并办理",
        ComplaintState.Assigned => "办理中",
        ComplaintState.ReplyDrafted => "答复待审核",
        ComplaintState.Replied => "已答复",
        ComplaintState.Closed => "已办结",
        _ => s.ToString(),
    };

    /// <summary>What the reporter sees: internal steps (draft review) are not distinguished.</summary>
    public static string PublicState(ComplaintState s) => s switch
    {
        ComplaintState.Received => "已收到，待受理",
        ComplaintState.Accepted => "已受理",
        ComplaintState.Rejected => "不予受理",
        ComplaintState.Merged => "已与同类投诉合并办理",
        ComplaintState.Assigned or ComplaintState.ReplyDrafted => "已交办，办理中",
        ComplaintState.Replied => "已答复",
        ComplaintState.Closed => "已办结",
        _ => s.ToString(),
    };

    public static string Channel(ComplaintChannel c) => c switch
    {
        ComplaintChannel.WebForm => "网上投诉",
        ComplaintChannel.IntakePoint => "扫码投诉",
        ComplaintChannel.Phone => "投诉电话",
        ComplaintChannel.Email => "电子邮箱",
        ComplaintChannel.Letter => "来信",
        ComplaintChannel.WalkIn => "来访",
        ComplaintChannel.Hotline12345 => "12345 热线转办",
        ComplaintChannel.Open311 => "城市服务平台转入",
        _ => c.ToString(),
    };

    public static string Kind(IntakePointKind k) => k switch
    {
        IntakePointKind.Enterprise => "企业",
        IntakePointKind.VillageBoard => "村社公开栏",
        IntakePointKind.JusticeOffice => "乡镇司法所",
        IntakePointKind.ServiceHall => "办事服务大厅",
        IntakePointKind.Website => "政府网站",
        _ => k.ToString(),
    };

    public static string Finding(ComplaintFinding f) => f switch
    {
        ComplaintFinding.Substantiated => "属实",
        ComplaintFinding.PartlySubstantiated => "部分属实",
        ComplaintFinding.NotSubstantiated => "不属实",
        _ => f.ToString(),
    };

    public static string Extension(ExtensionState e) => e switch
    {
        ExtensionState.None => "未申请",
        ExtensionState.Requested => "延期待审批",
        ExtensionState.Approved => "已延期",
        ExtensionState.Denied => "延期未批准",
        _ => e.ToString(),
    };
}
