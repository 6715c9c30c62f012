namespace Sunlight.Web.Features.Problems;

/// <summary>The configurable periods of the ledger (section <c>Sunlight:Problems</c>), all in working days.</summary>
internal sealed class ProblemSettings(IConfiguration config)
{
    /// <summary>Rectification deadline when the unit proposes none (default 20 WD).</summary>
    public int DefaultRectificationWorkingDays => config.GetValue("Sunlight:Problems:DefaultRectificationWorkingDays", 20);
    /// <summary>A problem without measures after this many WD shows as 未制定整改措施 and is 催办ed (default 5 WD).</summary>
    public int PlanWithinWorkingDays => config.GetValue("Sunlight:Problems:PlanWithinWorkingDays", 5);
    /// <summary>Reminder this many WD before the deadline (default 3 WD).</summary>
    public int ReminderWorkingDaysBefore => config.GetValue("Sunlight:Problems:ReminderWorkingDaysBefore", 3);
}
