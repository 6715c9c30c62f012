using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

internal enum WarningState
{
    Open,
    Resolved,
    Dismissed,
}

/// <summary>How serious a rule's breach is (shown on the board, carried into the problem it becomes).</summary>
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
internal sealed class Warning : IUnitOwned, IAuditable, IVersioned, IHasState
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public long CaseId { get; set; }
    public EnforcementCase? Case { get; set; }

    /// <summary>The rule code (P-90DAYS …).</summary>
    public string Rule { get; set; } = "";
    public RuleSeverity Severity { get; set; }
    /// <summary>What exactly is wrong, in Chinese.</summary>
    public string Message { get; set; } = "";
    /// <summary>The deadline is still ahead (临期); false once breached.</summary>
    public bool IsApproaching { get; set; }
    public DateOnly? DueOn { get; set; }

    public WarningState State { get; private set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? DismissReason { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>The ledger problem this warning became.</summary>
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
