namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>
/// S-AUDIOVIDEO: a high-risk on-site act (查封、扣押、强制拆除 …) is recorded by uninterrupted audio-video; once the act
/// happened (调查取证 or 决定 recorded) a case without an audio-video process record is a defect.
/// </summary>
internal sealed class AudioVideoRule : ILegalityRule
{
    public string Code => "S-AUDIOVIDEO";
    public string Title => "高风险执法行为未全程音像记录";
    public string Basis => "国办发〔2018〕118号（执法全过程记录制度）";
    public RuleSeverity Severity => RuleSeverity.Serious;

    public Finding? Check(EnforcementCase c, RuleContext ctx) =>
        c.IsHighRisk && (c.Has(MilestoneKind.Investigated) || c.Has(MilestoneKind.Decided)) && !c.Records.Any(r => r.IsAudioVideo)
            ? new Finding("查封、扣押等高风险执法行为没有全程音像记录。")
            : null;
}
