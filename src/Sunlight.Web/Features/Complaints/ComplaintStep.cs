using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>
/// What every workflow step shares: load the complaint through <see cref="ComplaintAccess"/> (another unit's complaint
/// is not found), hold the version the caller saw, tell the reporter, and commit once (rows and audit entries together).
/// </summary>
internal sealed class ComplaintStep(SunlightDbContext db, ComplaintAccess access, TimeProvider clock, WorkingCalendar calendar,
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

    /// <summary>A line of the reporter's public timeline (never with staff names). Staff see the audit projection (ADR 0004).</summary>
    public void TellReporter(Complaint c, string kind, string? text) =>
        db.Set<ComplaintEvent>().Add(new ComplaintEvent { ComplaintId = c.Id, At = Now, Actor = db.Scope.ActorName, Kind = kind, Text = text, IsPublic = true });

    /// <summary>
    /// A staff note that has no column of its own (受理意见, 办结说明 …): an audit entry of the step's transaction, shown in
    /// the complaint's history (<see cref="History.ComplaintHistory"/>).
    /// </summary>
    public void Note(Complaint c, string label, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            db.RecordAudit(nameof(Complaint), c.Id.ToString(CultureInfo.InvariantCulture), History.ComplaintHistory.NoteAction, null,
                new Dictionary<string, object?> { ["Note"] = label, ["Text"] = note.Trim() });
        }
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
