using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>The configurable periods of the ledger (section <c>Sunlight:Problems</c>), all in working days.</summary>
public sealed class ProblemSettings(IConfiguration config)
{
    /// <summary>Rectification deadline when the unit proposes none (default 20 WD).</summary>
    public int DefaultRectificationWorkingDays => config.GetValue("Sunlight:Problems:DefaultRectificationWorkingDays", 20);
    /// <summary>A problem without measures after this many WD shows as 未制定整改措施 and is 催办ed (default 5 WD).</summary>
    public int PlanWithinWorkingDays => config.GetValue("Sunlight:Problems:PlanWithinWorkingDays", 5);
    /// <summary>Reminder this many WD before the deadline (default 3 WD).</summary>
    public int ReminderWorkingDaysBefore => config.GetValue("Sunlight:Problems:ReminderWorkingDaysBefore", 3);
}

internal static class ProblemQueries
{
    /// <summary>Loads a problem the caller may see, tracked, with the version the editor saw (a stale one → 409 on save).</summary>
    public static async Task<Problem?> FindForEditAsync(this SunlightDbContext db, long id, Guid? version, CancellationToken ct)
    {
        var p = await db.Set<Problem>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is not null && version is { } v && v != Guid.Empty)
        {
            db.Entry(p).Property(x => x.Version).OriginalValue = v;
        }
        return p;
    }

    public static string Link(Problem p) => $"/Problems/Details?no={p.Number}";

    public static Outcome<Problem> Invalid(FluentValidation.Results.ValidationResult r) => new(null, r.ToDictionary());
}
