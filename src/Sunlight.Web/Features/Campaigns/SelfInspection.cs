using System.ComponentModel;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>自查 states: 自查中 → 已提交; the Supervisor's 退回 puts it back to 自查中 with a reason.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.SelfState))]
internal enum SelfInspectionState
{
    Open,
    Submitted,
    Returned,
}

/// <summary>自查: one participating unit's answers to every checklist point, due by the campaign's deadline.</summary>
[DisplayName("自查")]
internal sealed class SelfInspection : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("自查单位")]
    public long UnitId { get; set; }
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("自查期限")]
    public DateOnly DueOn { get; set; }
    [DisplayName("状态")]
    public SelfInspectionState State { get; private set; }
    [DisplayName("提交时间")]
    public DateTimeOffset? SubmittedAt { get; private set; }
    [DisplayName("退回理由")]
    public string? ReturnReason { get; private set; }
    public Guid Version { get; set; }
    public List<SelfInspectionAnswer> Answers { get; set; } = [];

    public const string StateRule = "Z-SELF-STATE";

    public void Submit(IReadOnlyCollection<long> pointIds, DateTimeOffset now)
    {
        if (State == SelfInspectionState.Submitted)
        {
            throw new RuleViolationException(StateRule, "自查已提交。");
        }
        var missing = pointIds.Count(p => Answers.All(a => a.PointId != p));
        if (missing > 0)
        {
            throw new RuleViolationException("Z-ANSWERS", $"还有 {missing} 项检查内容未作答，全部作答后才能提交。");
        }
        State = SelfInspectionState.Submitted;
        SubmittedAt = now;
    }

    public void Return(string reason)
    {
        if (State != SelfInspectionState.Submitted)
        {
            throw new RuleViolationException(StateRule, "只有已提交的自查可以退回。");
        }
        State = SelfInspectionState.Returned;
        ReturnReason = reason;
    }

    public void RequireEditable()
    {
        if (State == SelfInspectionState.Submitted)
        {
            throw new RuleViolationException(StateRule, "自查已提交，退回后才能修改。");
        }
    }
}

internal sealed class SelfInspectionAnswer
{
    public long Id { get; set; }
    public long SelfInspectionId { get; set; }
    public long PointId { get; set; }
    public Verdict Verdict { get; set; }
    public string? Explanation { get; set; }
    /// <summary>佐证材料: what the unit points to (document names, links).</summary>
    public string? Evidence { get; set; }
}
