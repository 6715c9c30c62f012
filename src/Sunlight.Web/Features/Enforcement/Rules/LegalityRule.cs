using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.Enforcement.Rules;

/// <summary>What a rule found on a case: the breach in Chinese, or a deadline still ahead (临期) when <see cref="IsApproaching"/>.</summary>
internal sealed record Finding(string Message, DateOnly? DueOn = null, bool IsApproaching = false);

/// <summary>What every rule may read besides the case: today (China time), the holiday calendar and the case's thresholds.</summary>
internal sealed record RuleContext(DateOnly Today, WorkingCalendar Calendar, LegalityThresholds Thresholds)
{
    /// <summary>
    /// A deadline finding: breached when <paramref name="doneOn"/> (or, not done yet, today) is after <paramref name="due"/>;
    /// approaching when not done and within <see cref="LegalityThresholds.ApproachingWorkingDays"/> working days of it.
    /// </summary>
    public Finding? Deadline(DateOnly due, DateOnly? doneOn, string breached, string approaching)
    {
        if (doneOn is { } done)
        {
            return done > due ? new Finding(breached, due) : null;
        }
        if (Today > due)
        {
            return new Finding(breached, due);
        }
        return Calendar.WorkingDaysBetween(Today, due) <= Thresholds.ApproachingWorkingDays ? new Finding(approaching, due, true) : null;
    }
}

/// <summary>
/// A named legality rule (domain-rules.md): its code, Chinese title, legal basis and severity, and the check of one case.
/// Rules are pure: they read the case as loaded (milestones, officers with credentials, extensions, reviews, records)
/// and never the database, so the daily sweep can stream cases through them.
/// </summary>
internal interface ILegalityRule
{
    string Code { get; }
    string Title { get; }
    string Basis { get; }
    RuleSeverity Severity { get; }

    Finding? Check(EnforcementCase c, RuleContext ctx);
}

/// <summary>Facts several rules share, named once.</summary>
internal static class CaseFacts
{
    /// <summary>Penalties decided by the ordinary procedure (not 当场处罚).</summary>
    public static bool IsOrdinaryPenalty(EnforcementCase c) => c.Kind == CaseKind.Penalty && !c.IsOnTheSpot;

    /// <summary>P-HEARING: a large fine or confiscation, or a severe sanction, gives the party hearing rights.</summary>
    public static bool HasHearingRights(EnforcementCase c, LegalityThresholds t) =>
        c.Kind == CaseKind.Penalty && !c.IsOnTheSpot &&
        (c.IsSevereSanction || c.FineAmount >= t.HearingFine(c.PartyKind) || c.ConfiscationAmount >= t.HearingConfiscation(c.PartyKind));

    /// <summary>P-REVIEW: 重大执法决定, a decision after a hearing, a severe sanction, or the 审核目录's amount.</summary>
    public static bool NeedsLegalReview(EnforcementCase c, LegalityThresholds t) =>
        c.Kind is CaseKind.Penalty or CaseKind.Coercion && !c.IsOnTheSpot &&
        (c.IsMajor || c.IsSevereSanction || c.Has(MilestoneKind.Hearing) || c.FineAmount >= t.ReviewFine(c.PartyKind));

    /// <summary>The 法制审核 that allows the decision: the latest review, if its outcome is 同意.</summary>
    public static bool ReviewApproved(EnforcementCase c) => c.LatestReview is { Outcome: ReviewOutcome.Approved };
}
