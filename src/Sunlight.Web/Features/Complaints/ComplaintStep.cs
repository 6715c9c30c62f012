using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>
/// What every workflow step shares: load the complaint through <see cref="ComplaintAccess"/> (another unit's complaint
/// is not found), hold the version the caller saw, write the timeline line, and commit once.
/// </summary>
public sealed class ComplaintStep(SunlightDbContext db, ComplaintAccess access, TimeProvider clock, WorkingCalendar calendar,
    Microsoft.Extensions.Options.IOptions<ComplaintOptions> options)
{
    public SunlightDbContext Db => db;
    public ComplaintAccess Access => access;
    public ComplaintOptions Options => options.Value;
    public WorkingCalendar Calendar => calendar;
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Complaint?> LoadAsync(long id, Guid? version, CancellationToken ct)
    {
        var c = await access.Visible().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is not null && version is { } v && v != Guid.Empty)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = v;
        }
        return c;
    }

    /// <summary>A timeline line; public lines are shown to the reporter (never with staff names).</summary>
    public void Log(Complaint c, string kind, string? text, bool isPublic = false) =>
        db.Set<ComplaintEvent>().Add(new ComplaintEvent { ComplaintId = c.Id, At = Now, Actor = db.Scope.ActorName, Kind = kind, Text = text, IsPublic = isPublic });

    /// <summary>A staff note that has no column of its own (受理意见, 办结说明): a staff-only line, when there is one.</summary>
    public void Note(Complaint c, string label, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            Log(c, label, note.Trim());
        }
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
