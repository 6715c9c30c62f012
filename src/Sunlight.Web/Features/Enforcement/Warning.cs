using System.ComponentModel;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.State))]
internal enum WarningState
{
    Open,
    Resolved,
    Dismissed,
}

/// <summary>How serious a rule's breach is (shown on the board, carried into the problem it becomes).</summary>
[EnumText(typeof(EnforcementNames), nameof(EnforcementNames.Severity))]
internal enum RuleSeverity
{
    Notice,   // 提示
    Warning,  // 一般
    Serious,  // 严重
}

/// <summary>
/// 预警: a legality rule that failed on a case (or whose deadline is near), with the rule's code. Opened and resolved by
/// the checks; dismissed with a reason by a Supervisor; turned into a problem (转为问题) through the ledger.
/// </summary>
[DisplayName("合法性预警")]
internal sealed class Warning : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long UnitId { get; set; }
    [DisplayName("案件")]
    public long CaseId { get; set; }
    public EnforcementCase? Case { get; set; }

    /// <summary>The rule code (P-90DAYS …).</summary>
    [DisplayName("规则")]
    public string Rule { get; set; } = "";
    [DisplayName("严重程度")]
    public RuleSeverity Severity { get; set; }
    /// <summary>What exactly is wrong, in Chinese.</summary>
    [DisplayName("预警内容")]
    public string Message { get; set; } = "";
    /// <summary>The deadline is still ahead (临期); false once breached.</summary>
    [DisplayName("临期")]
    public bool IsApproaching { get; set; }
    [DisplayName("期限")]
    public DateOnly? DueOn { get; set; }

    [DisplayName("状态")]

    public WarningState State { get; private set; }
    [DisplayName("预警时间")]
    public DateTimeOffset RaisedAt { get; set; }
    [DisplayName("处理时间")]
    public DateTimeOffset? ClosedAt { get; private set; }
    [DisplayName("排除理由")]
    public string? DismissReason { get; private set; }
    [DisplayName("处理人")]
    public string? ClosedBy { get; private set; }
    /// <summary>The ledger problem this warning became.</summary>
    [DisplayName("转为问题")]
    public long? ProblemId { get; private set; }
    public Guid Version { get; set; }

    public bool IsOpen => State == WarningState.Open;

    /// <summary>The rule holds again (the record was corrected): the checks close the warning.</summary>
    public void Resolve(DateTimeOffset now)
    {
        if (State == WarningState.Open)
        {
            State = WarningState.Resolved;
            ClosedAt = now;
            ClosedBy = "系统";
        }
    }

    /// <summary>The rule fails again after it was resolved: the same warning opens again.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (State == WarningState.Resolved)
        {
            State = WarningState.Open;
            RaisedAt = now;
            ClosedAt = null;
            ClosedBy = null;
        }
    }

    public void Dismiss(string reason, string by, DateTimeOffset now)
    {
        EnsureOpen();
        State = WarningState.Dismissed;
        DismissReason = reason;
        ClosedBy = by;
        ClosedAt = now;
    }

    public void LinkProblem(long problemId)
    {
        if (ProblemId is not null)
        {
            throw new RuleViolationException(EnforcementRules.WarningState, "该预警已转为问题。");
        }
        ProblemId = problemId;
    }

    public void EnsureOpen()
    {
        if (State != WarningState.Open)
        {
            throw new RuleViolationException(EnforcementRules.WarningState, "该预警已处理，不能再次操作。");
        }
    }
}
