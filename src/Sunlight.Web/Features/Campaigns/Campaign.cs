using System.ComponentModel;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>专项治理 states: 草稿 → 进行中 → 已结束.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.State))]
internal enum CampaignState
{
    Draft,
    Running,
    Closed,
}

/// <summary>
/// 专项治理: a time-boxed campaign with its scope, participating units, self-inspection deadline and checklist
/// (检查事项 / 检查内容). Starting it fans out one <see cref="SelfInspection"/> per participating unit.
/// </summary>
[DisplayName("专项治理")]
[RecordLabel(nameof(Name))]
internal sealed class Campaign : IRegionOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("专项治理名称")]
    public string Name { get; set; } = "";
    /// <summary>治理范围, e.g. 涉企行政执法.</summary>
    [DisplayName("治理范围")]
    public string Scope { get; set; } = "";
    /// <summary>Records examined since this day (the press conference: 2020-01-01).</summary>
    [DisplayName("检查起始日期")]
    public DateOnly? ScopeSince { get; set; }
    [DisplayName("开始日期")]
    public DateOnly StartsOn { get; set; }
    [DisplayName("结束日期")]
    public DateOnly EndsOn { get; set; }
    /// <summary>自查 must be submitted by this day.</summary>
    [DisplayName("自查期限")]
    public DateOnly SelfInspectionDueOn { get; set; }
    /// <summary>实施方案: its title or summary (the document itself is an attachment).</summary>
    [DisplayName("实施方案")]
    public string? Plan { get; set; }
    [DisplayName("状态")]
    public CampaignState State { get; private set; }
    [DisplayName("制定时间")]
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }

    public List<CampaignUnit> Units { get; set; } = [];
    public List<ChecklistItem> Items { get; set; } = [];

    public const string StateRule = "Z-STATE";

    public void Start()
    {
        if (State != CampaignState.Draft)
        {
            throw new RuleViolationException(StateRule, "只有草稿状态的专项治理可以启动。");
        }
        if (Units.Count == 0 || Items.Count == 0 || Items.Any(i => i.Points.Count == 0))
        {
            throw new RuleViolationException("Z-CHECKLIST", "启动前须确定参与单位，并且每个检查事项至少有一项检查内容。");
        }
        State = CampaignState.Running;
    }

    public void Close()
    {
        if (State != CampaignState.Running)
        {
            throw new RuleViolationException(StateRule, "只有进行中的专项治理可以结束。");
        }
        State = CampaignState.Closed;
    }

    /// <summary>An imported checklist replaces the draft's (its points numbered through the whole list).</summary>
    public void ReplaceChecklist(List<ChecklistItem> items)
    {
        if (State != CampaignState.Draft)
        {
            throw new RuleViolationException(StateRule, "只有草稿状态的专项治理可以修改检查清单。");
        }
        Items.Clear();
        Items.AddRange(items);
    }

    /// <summary>Refuses work on a campaign that is not running (a submission after close …).</summary>
    public void RequireRunning(string what)
    {
        if (State != CampaignState.Running)
        {
            throw new RuleViolationException(StateRule, State == CampaignState.Closed ? $"专项治理已结束，不能{what}。" : $"专项治理尚未启动，不能{what}。");
        }
    }
}

/// <summary>A unit taking part in a campaign.</summary>
internal sealed class CampaignUnit
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long UnitId { get; set; }
}

/// <summary>检查事项: one item of the checklist with its points.</summary>
internal sealed class ChecklistItem
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public List<ChecklistPoint> Points { get; set; } = [];
}

/// <summary>检查内容: what a unit answers in its self-inspection and the team assesses.</summary>
internal sealed class ChecklistPoint
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>符合 / 基本符合 / 不符合 / 不适用.</summary>
[EnumText(typeof(CampaignNames), nameof(CampaignNames.Verdict))]
internal enum Verdict
{
    Compliant,
    BasicallyCompliant,
    NonCompliant,
    NotApplicable,
}
