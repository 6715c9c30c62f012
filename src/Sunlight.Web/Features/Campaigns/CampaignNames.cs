namespace Sunlight.Web.Features.Campaigns;

/// <summary>The Chinese words of the campaign's enums.</summary>
internal static class CampaignNames
{
    public static string State(CampaignState s) => s switch
    {
        CampaignState.Draft => "草稿",
        CampaignState.Running => "进行中",
        _ => "已结束",
    };

    public static string SelfState(SelfInspectionState s) => s switch
    {
        SelfInspectionState.Open => "自查中",
        SelfInspectionState.Submitted => "已提交",
        _ => "已退回",
    };

    public static string Verdict(Verdict v) => v switch
    {
        Campaigns.Verdict.Compliant => "符合",
        Campaigns.Verdict.BasicallyCompliant => "基本符合",
        Campaigns.Verdict.NonCompliant => "不符合",
        _ => "不适用",
    };

    public static string Method(VisitMethod m) => m switch
    {
        VisitMethod.Briefing => "听取汇报",
        VisitMethod.Interview => "个别谈话",
        VisitMethod.DocumentReview => "查阅资料",
        VisitMethod.CaseSampling => "案卷抽评",
        _ => "调查走访",
    };

    public static string Member(MemberKind k) => k switch
    {
        MemberKind.Bureau => "县司法局",
        MemberKind.Deputy => "人大代表",
        MemberKind.PoliticalAdvisor => "政协委员",
        MemberKind.SpecialSupervisor => "特邀监督员",
        MemberKind.LegalProfessional => "法律专业人士",
        MemberKind.Discipline => "纪委监委",
        _ => "检察院",
    };

    public static string Part(RubricPart p) => p switch
    {
        RubricPart.Veto => "否决项",
        RubricPart.Form => "案卷形式",
        _ => "案卷实体",
    };

    public static string Defect(DefectCategory c) => c switch
    {
        DefectCategory.Subject => "主体",
        DefectCategory.FactsEvidence => "事实证据",
        DefectCategory.Procedure => "程序",
        DefectCategory.LegalBasis => "法律适用",
        DefectCategory.Discretion => "裁量",
        DefectCategory.Documents => "文书",
        _ => "归档",
    };

    /// <summary>The problem-list category a defect lands in (the ledger's dictionary has 执法程序 and 法律适用).</summary>
    public static string ProblemCategory(DefectCategory c) =>
        c is DefectCategory.LegalBasis or DefectCategory.Discretion or DefectCategory.Subject ? "法律适用" : "执法程序";
}
